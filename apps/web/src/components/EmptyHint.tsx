import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * An empty list that says what to do next, in place of antd's bare 暂无数据 / "No data".
 *
 * API:
 * - `text` (required): one sentence, already translated — what the list holds and how it fills
 *   ("No customers yet. Add the first one, or import a spreadsheet.").
 * - `action` (optional): one button under the sentence — `label` (translated), and either `to`
 *   (a route: navigates) or `onClick` (opens a dialog…); `icon` optional. Leave it out when the
 *   reader may not do it (check access first) or the next step is elsewhere.
 * - `filtered` (optional): true when filters are applied — then pass a sentence such as
 *   t('common:empty.filtered') and usually no action.
 * - `testId` (optional): data-testid on the wrapper (default `empty-hint`).
 *
 * In a ProTable / Table: `locale={{ emptyText: <EmptyHint text={…} action={…} /> }}`; in a List:
 * `locale={{ emptyText: … }}`; on its own anywhere else. Narrow-safe: the text wraps, the button
 * stays within 390 px.
 */
export type EmptyHintAction = { label: string; to?: string; onClick?: () => void; icon?: ReactNode };

export function EmptyHint({
  text,
  action,
  testId = 'empty-hint',
}: {
  text: ReactNode;
  action?: EmptyHintAction;
  testId?: string;
}) {
  const navigate = useNavigate();
  return (
    <div data-testid={testId}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <span style={{ display: 'inline-block', maxWidth: 'min(420px, 100%)', whiteSpace: 'normal' }}>{text}</span>
        }
      >
        {action ? (
          <Button
            type="primary"
            icon={action.icon}
            // A long label wraps instead of pushing the page wider than a phone.
            style={{ whiteSpace: 'normal', height: 'auto', maxWidth: '100%' }}
            onClick={() => {
              if (action.onClick) action.onClick();
              else if (action.to) navigate(action.to);
            }}
          >
            {action.label}
          </Button>
        ) : null}
      </Empty>
    </div>
  );
}
