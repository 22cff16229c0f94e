import { Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupLabel, groupPermissions, permissionLabel } from './permissionLabels';

/** Permissions as grouped checkboxes, one row per domain with a "whole group" box. A form control. */
export function PermissionPicker({
  permissions,
  value = [],
  onChange,
  disabled,
}: {
  permissions: readonly { key: string; group: string }[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('roles');
  const selected = new Set(value);
  const setGroup = (keys: string[], on: boolean) => {
    const next = new Set(selected);
    for (const key of keys) {
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
              disabled={disabled}
              onChange={(event) => setGroup(keys, event.target.checked)}
            >
              <Typography.Text strong>{groupLabel(t, group)}</Typography.Text>
            </Checkbox>
            {keys.map((key) => (
              <Checkbox
                key={key}
                checked={selected.has(key)}
                disabled={disabled}
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
