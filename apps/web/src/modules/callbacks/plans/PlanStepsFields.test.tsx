import { Form } from 'antd';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { studio } from './fixtures';
import { PlanStepsFields, StepFields } from './PlanStepsFields';
import { toValues } from './planForm';

const options = [{ value: 'booking', label: '预订' }];

describe('plan steps fields', () => {
  afterAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows one card per step with the milestone-only fields for a milestone plan', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = renderToStaticMarkup(
      <Form initialValues={toValues(studio)}>
        <PlanStepsFields trigger="milestone" milestoneOptions={options} />
      </Form>,
    );
    expect(html.match(/data-testid="plan-step"/g)).toHaveLength(3);
    expect(html.match(/data-testid="plan-step-remove"/g)).toHaveLength(3);
    expect(html).toContain('第 3 步');
    expect(html).toContain('固定在当天');
    expect(html).toContain('里程碑类型');
    expect(html).toContain('工作日');
    expect(html).toContain('data-testid="plan-step-add"');
  });

  it('leaves the milestone fields out of a campaign step, and the last step cannot be removed', async () => {
    await i18n.changeLanguage('en');
    const single = renderToStaticMarkup(
      <Form initialValues={{ ...toValues(studio), steps: [toValues(studio).steps[0]] }}>
        <PlanStepsFields trigger="ticket_closed" milestoneOptions={options} />
      </Form>,
    );
    expect(single).not.toContain('plan-step-remove');
    expect(single).not.toContain('On the day itself');
    const campaign = renderToStaticMarkup(
      <Form initialValues={{ offsetDays: 0, dayKind: 'calendar', channel: 'sms' }}>
        <StepFields prefix={[]} trigger="campaign" />
      </Form>,
    );
    expect(campaign).toContain('Purpose');
    expect(campaign).toContain('Script');
    expect(campaign).not.toContain('Milestone type');
  });
});
