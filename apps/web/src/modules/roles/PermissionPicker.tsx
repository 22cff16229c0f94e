import { Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupLabel, groupPermissions, permissionLabel } from './permissionLabels';

/**
 * Permissions as grouped checkboxes, one row per domain with a "whole group" box. A form control.
 * With `grantable`, only those permissions can be ticked (nobody grants what they lack).
 */
export function PermissionPicker({
  permissions,
  value = [],
  onChange,
  disabled,
  grantable,
}: {
  permissions: readonly { key: string; group: string }[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
  grantable?: readonly string[];
}) {
  const { t } = useTranslation('roles');
  const selected = new Set(value);
  const allowed = grantable ? new Set(grantable) : null;
  const locked = (key: string) => disabled || (allowed !== null && !allowed.has(key));
  const setGroup = (keys: string[], on: boolean) => {
    const next = new Set(selected);
    for (const key of keys.filter((k) => !locked(k))) {
      if (on) next.add(key);
      else next.delete(key);
    }
    onChange?.(permissions.map((p) => p.key).filter((key) => next.has(key)));
  };

  return (
    <Flex vertical gap={8}>
      {groupPermissions(permissions).map(({ group, keys }) => {
        const count = keys.filter((key) => selected.has(key)).length;
        return (
          <Flex key={group} gap={16} align="baseline" wrap>
            <Checkbox
              style={{ minWidth: 140 }}
              checked={count === keys.length}
              indeterminate={count > 0 && count < keys.length}
              disabled={keys.every(locked)}
              onChange={(event) => setGroup(keys, event.target.checked)}
            >
              <Typography.Text strong>{groupLabel(t, group)}</Typography.Text>
            </Checkbox>
            {keys.map((key) => (
              <Checkbox
                key={key}
                checked={selected.has(key)}
                disabled={locked(key)}
                onChange={(event) => setGroup([key], event.target.checked)}
              >
                {permissionLabel(t, key)}
              </Checkbox>
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
