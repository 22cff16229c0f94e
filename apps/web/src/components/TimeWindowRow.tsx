import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

const FORMAT = 'HH:mm';
const toTime = (value: string) => (value ? dayjs(value, FORMAT) : null);

/**
 * One time window (HH:mm → HH:mm, an end before the start runs over midnight) of a quiet-hours
 * editor: two pickers, "next day" on a window over midnight, a remove button. Shared by the
 * channels' quiet hours (notifications) and the callbacks' quiet windows; `labels` are translated.
 */
export function TimeWindowRow(props: {
  from: string;
  to: string;
  onChange: (next: { from: string; to: string }) => void;
  /** Left out: no remove button. */
  onRemove?: () => void;
  disabled?: boolean;
  labels: { from: string; to: string; nextDay: string; remove: string };
  testId?: string;
}) {
  const { from, to, labels } = props;
  const picker = (value: string, label: string, pick: (time: string) => void) => (
    <TimePicker
      format={FORMAT}
      minuteStep={5}
      allowClear={false}
      needConfirm={false}
      disabled={props.disabled}
      value={toTime(value)}
      onChange={(time) => pick(time ? time.format(FORMAT) : value)}
      aria-label={label}
      style={{ width: 96 }}
    />
  );
  return (
    <Flex wrap gap={4} align="center" data-testid={props.testId}>
      {picker(from, labels.from, (time) => props.onChange({ from: time, to }))}
      <span>→</span>
      {picker(to, labels.to, (time) => props.onChange({ from, to: time }))}
      {from > to && <Typography.Text type="secondary">{labels.nextDay}</Typography.Text>}
      {props.onRemove && (
        <Button
          type="text"
          danger
          disabled={props.disabled}
          icon={<DeleteOutlined />}
          aria-label={labels.remove}
          onClick={props.onRemove}
        />
      )}
    </Flex>
  );
}
