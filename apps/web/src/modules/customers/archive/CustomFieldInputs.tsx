import { ProFormDatePicker, ProFormDigit, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import type { CustomFieldDefinition } from '../../../api/types';

/** One input per active custom field, named `customFields.<key>`, typed and required as defined. */
export function CustomFieldInputs({ fields, span = 12 }: { fields: CustomFieldDefinition[]; span?: number }) {
  return (
    <>
      {fields.map((field) => {
        const common = {
          name: ['customFields', field.key],
          label: field.label,
          colProps: { span },
          rules: field.isRequired ? [{ required: true }] : undefined,
        };
        const options = field.options.map((o) => ({ value: o.value, label: o.label }));
        switch (field.type) {
          case 'number':
            return <ProFormDigit key={field.key} {...common} fieldProps={{ style: { width: '100%' } }} />;
          case 'date':
            return <ProFormDatePicker key={field.key} {...common} fieldProps={{ style: { width: '100%' } }} />;
          case 'select':
            return <ProFormSelect key={field.key} {...common} options={options} showSearch />;
          case 'multi_select':
            return <ProFormSelect key={field.key} {...common} options={options} mode="multiple" />;
          default:
            return <ProFormText key={field.key} {...common} rules={[...(common.rules ?? []), { max: 2000 }]} />;
        }
      })}
    </>
  );
}
