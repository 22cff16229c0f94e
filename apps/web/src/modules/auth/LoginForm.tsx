import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, theme } from 'antd';
// The two inputs alone: antd's `Input` namespace also brings TextArea, Search and OTP.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type LoginValues = { username: string; password: string };
type LoginErrors = Partial<Record<keyof LoginValues, string>>;

/**
 * The sign-in form as a plain <form> with antd's inputs, not antd's Form: Form (rc-field-form, the
 * async validator, Form.Item's grid and tooltip) is ~35 KB compressed, and the login page must stay
 * under 200 KB (see docs/benchmarks.md). Two required fields do not need a form engine.
 */
export function LoginForm({ pending, onSubmit }: { pending: boolean; onSubmit: (values: LoginValues) => void }) {
  const { t } = useTranslation(['auth', 'common']);
  const [values, setValues] = useState<LoginValues>({ username: '', password: '' });
  const [errors, setErrors] = useState<LoginErrors>({});
  const [submitted, setSubmitted] = useState(false);

  const validate = (next: LoginValues): LoginErrors => ({
    ...(next.username.trim() ? {} : { username: t('login.usernameRequired') }),
    ...(next.password ? {} : { password: t('login.passwordRequired') }),
  });
  const change = (field: keyof LoginValues, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // Like antd's Form: a field is checked as it changes once the user has tried to submit.
    if (submitted) setErrors(validate(next));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(values);
  };

  return (
    <form noValidate onSubmit={submit}>
      <Field id="username" label={t('fields.username')} error={errors.username}>
        <Input
          id="username"
          name="username"
          size="large"
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus
          disabled={pending}
          value={values.username}
          onChange={(event) => change('username', event.target.value)}
          status={errors.username ? 'error' : undefined}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? 'username-error' : undefined}
        />
      </Field>
      <Field id="password" label={t('fields.password')} error={errors.password}>
        <Password
          id="password"
          name="password"
          size="large"
          prefix={<LockOutlined />}
          autoComplete="current-password"
          disabled={pending}
          value={values.password}
          onChange={(event) => change('password', event.target.value)}
          status={errors.password ? 'error' : undefined}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'password-error' : undefined}
        />
      </Field>
      <Button type="primary" htmlType="submit" size="large" block loading={pending}>
        {t('login.submit')}
      </Button>
    </form>
  );
}

/** A vertical form item as antd draws it: label above, the error below. */
function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: token.marginLG }}>
      <label
        htmlFor={id}
        style={{
          display: 'block',
          paddingBottom: token.paddingXS,
          color: token.colorTextHeading,
          fontSize: token.fontSize,
        }}
      >
        {label}
      </label>
      {children}
      {error ? (
        <div id={`${id}-error`} role="alert" style={{ color: token.colorError, fontSize: token.fontSize }}>
          {error}
        </div>
      ) : null}
    </div>
  );
}
