import { BellOutlined, KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Dropdown, type MenuProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { logout } from '../modules/auth/api';
import { ChangePasswordModal } from '../modules/auth/ChangePasswordModal';

/** Header avatar dropdown: profile, notification preferences, API tokens, change password, sign out. */
export function UserMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation(['auth', 'menu']);
  const navigate = useNavigate();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const signOut = useMutation({
    mutationFn: logout,
    meta: { silent: true },
    // A full page load drops every cached answer of this user; do it even if the call failed.
    onSettled: () => window.location.replace('/login'),
  });

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: t('userMenu.profile') },
    { key: 'notifications', icon: <BellOutlined />, label: t('menu:notificationPreferences') },
    { key: 'tokens', icon: <KeyOutlined />, label: t('userMenu.tokens') },
    { key: 'password', icon: <LockOutlined />, label: t('userMenu.changePassword') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('userMenu.logout')}</span> },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') navigate('/account/profile');
    else if (key === 'notifications') navigate('/account/notifications');
    else if (key === 'tokens') navigate('/account/tokens');
    else if (key === 'password') setPasswordOpen(true);
    else if (key === 'logout') signOut.mutate();
  };

  return (
    <>
      <Dropdown trigger={['click']} menu={{ items, onClick }}>
        <button
          type="button"
          data-testid="user-menu"
          style={{ background: 'none', border: 0, padding: 0, font: 'inherit', color: 'inherit', cursor: 'pointer' }}
        >
          {children}
        </button>
      </Dropdown>
      <ChangePasswordModal open={passwordOpen} onOpenChange={setPasswordOpen} />
    </>
  );
}
