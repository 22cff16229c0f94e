import { describe, expect, it } from 'vitest';
import { maskPersonalData, maskText } from './audit.personal-data.js';

describe('masking personal data in audit entries', () => {
  it('keeps enough to tell values apart, never the value', () => {
    expect(maskText('13812345678')).toBe('138****5678');
    expect(maskText('+86 139 6210 1001')).toBe('861******1001');
    expect(maskText('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskText('1990-05-01')).toBe('***');
    expect(maskText('北京市朝阳区建国路88号')).toBe('北京市***');
    expect(maskText('王五')).toBe('***');
  });

  it('masks declared fields at any depth and leaves the others', () => {
    const entry = maskPersonalData({
      entityType: 'customer',
      before: null,
      after: {
        name: '康宁医院',
        phone: '13812345678',
        contacts: [{ name: '沈雪', mobile: '13962101001' }],
        grade: 'A',
      },
      details: { contact: { email: 'a@b.cn' } },
    });
    expect(entry.after).toEqual({
      name: '康宁医院',
      phone: '138****5678',
      contacts: [{ name: '***', mobile: '139****1001' }],
      grade: 'A',
    });
    expect(entry.details).toEqual({ contact: { email: 'a***@b.cn' } });
  });

  it('keeps a changed field looking changed when both values mask alike', () => {
    const entry = maskPersonalData({
      entityType: 'customer',
      before: { phone: '13812345678', email: 'a@b.cn' },
      after: { phone: '13899995678', email: 'a@b.cn' },
      details: null,
    });
    expect(entry.before).toEqual({ phone: '***', email: 'a***@b.cn' });
    expect(entry.after).toEqual({ phone: '138****5678', email: 'a***@b.cn' });
  });
});
