import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { unlockUser } from './api';

/** Lifts the sign-in lockout of a user who mistyped too often (every client address). */
export function UnlockButton({ user }: { user: User }) {
  const { t } = useTranslation('users');
  const { message } = App.useApp();
  const mutation = useMutation({ mutationFn: () => unlockUser(user.id) });

  return (
    <Popconfirm
      title={t('unlock.confirm', { name: user.displayName })}
      description={t('unlock.hint')}
      onConfirm={async () => {
        const { lockedAddresses } = await mutation.mutateAsync();
        if (lockedAddresses > 0) message.success(t('unlock.done', { addresses: lockedAddresses }));
        else message.info(t('unlock.notLocked'));
      }}
    >
      <Button type="link" size="small" loading={mutation.isPending}>
        {t('actions.unlock')}
      </Button>
    </Popconfirm>
  );
}
