import { CloseCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { showError } from '../../api/errors';
import type { Me } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { LangChoice } from '../../layouts/LangChoice';
import { login, meQueryKey, updateMe } from './api';
import { LoginForm, type LoginValues } from './LoginForm';
import { localeAtSignIn, takeLoginPick } from './loginLocale';
import { safeRedirect } from './redirect';
import { useCurrentUser } from './useCurrentUser';

export function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const redirect = safeRedirect(params.get('redirect'));
  const { data: me, isPending } = useCurrentUser();

  const signIn = useMutation({
    mutationFn: signInWithLocale,
    meta: { silent: true }, // shown in the form's alert
    onSuccess: (user) => {
      // Nothing cached for a previous user may survive a sign-in.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      // useLocaleSync then applies the user's language (the one picked here, if any: signInWithLocale).
      queryClient.setQueryData(meQueryKey, user);
      navigate(redirect, { replace: true });
    },
  });

  if (isPending) return <PageLoading />;
  if (me && !signIn.isPending && !signIn.isSuccess) return <Navigate to={redirect} replace />;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: token.paddingLG,
        background: `linear-gradient(180deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 60%)`,
      }}
    >
      <div style={{ position: 'absolute', top: token.padding, right: token.paddingLG }}>
        <LangChoice />
      </div>
      {/* A card drawn with the theme's tokens: antd's Card, Typography and Space would add ~25 KB
          (compressed) to the page everyone loads first (Card brings Tabs, Typography a text editor). */}
      <main
        style={{
          width: '100%',
          maxWidth: 400,
          padding: token.paddingLG * 1.5,
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
          color: token.colorText,
          fontFamily: token.fontFamily,
        }}
      >
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            gap: token.marginXS,
            marginBottom: token.marginLG,
          }}
        >
          <img src="/logo.svg" alt="" width={48} height={48} />
          <h1
            style={{
              margin: 0,
              fontSize: token.fontSizeHeading3,
              lineHeight: token.lineHeightHeading3,
              fontWeight: token.fontWeightStrong,
              color: token.colorTextHeading,
            }}
          >
            {t('common:appName')}
          </h1>
          <span style={{ color: token.colorTextSecondary }}>{t('login.tagline')}</span>
        </div>
        {signIn.error ? (
          // antd's Alert look, drawn here (Alert and its icons are ~4 KB compressed more).
          <div
            role="alert"
            style={{
              display: 'flex',
              alignItems: 'baseline',
              gap: token.marginXS,
              marginBottom: token.marginLG,
              padding: `${token.paddingXS}px ${token.paddingSM}px`,
              background: token.colorErrorBg,
              border: `1px solid ${token.colorErrorBorder}`,
              borderRadius: token.borderRadiusLG,
            }}
          >
            <CloseCircleFilled style={{ color: token.colorError }} />
            <span>{signIn.error.message}</span>
          </div>
        ) : null}
        <LoginForm pending={signIn.isPending} onSubmit={(values) => signIn.mutate(values)} />
      </main>
    </div>
  );
}

/**
 * Signs in; a language picked on this page before wins over the profile's and is saved to it, so
 * the sign-in does not switch the page back (loginLocale.ts has the rule).
 */
async function signInWithLocale(values: LoginValues): Promise<Me> {
  const user = await login(values);
  const { locale, save } = localeAtSignIn(takeLoginPick(), user.locale);
  if (!save) return user;
  try {
    return await updateMe({ locale });
  } catch (error) {
    showError(error);
    return { ...user, locale };
  }
}
