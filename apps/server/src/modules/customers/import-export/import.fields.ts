import type { Locale } from '@kefu/shared';
import { columnName } from '../../../lib/files/limits.js';
import type { FieldDefinition } from '../archive/custom-fields.js';

/** The customer fields a file column can be mapped to; custom fields are `customFields.<key>`. */
export const BASE_IMPORT_FIELDS = [
  'name',
  'kind',
  'legalRepresentative',
  'address',
  'postalCode',
  'phone',
  'fax',
  'email',
  'wechat',
  'region',
  'businessScope',
  'registeredCapital',
  'birthday',
  'categoryKey',
  'grade',
  'isKey',
  'owner',
  'backup',
  'notes',
] as const;
export type BaseImportField = (typeof BASE_IMPORT_FIELDS)[number];
export type ImportField = BaseImportField | `customFields.${string}`;
/** Field (`name`, `customFields.industry`, …) → 0-based column index. */
export type ImportMapping = Record<string, number>;

/**
 * Labels and the header names each field is recognised by, in Chinese and English. The first
 * label of each language is what the export writes, so an exported file imports as it is.
 */
const FIELD_NAMES: Record<BaseImportField, { zh: string[]; en: string[] }> = {
  name: {
    zh: ['客户名称', '名称', '客户名', '客户', '公司名称', '单位名称', '企业名称', '姓名'],
    en: ['Name', 'Customer name', 'Customer', 'Company', 'Company name'],
  },
  kind: { zh: ['类型', '客户类型'], en: ['Kind', 'Type', 'Customer type'] },
  legalRepresentative: { zh: ['法人代表', '法定代表人', '法人'], en: ['Legal representative'] },
  address: { zh: ['地址', '联系地址', '公司地址', '通讯地址', '详细地址'], en: ['Address'] },
  postalCode: { zh: ['邮编', '邮政编码'], en: ['Postal code', 'Postcode', 'Zip', 'Zip code'] },
  phone: {
    zh: ['电话', '联系电话', '电话号码', '手机', '手机号', '手机号码'],
    en: ['Phone', 'Telephone', 'Tel', 'Mobile'],
  },
  fax: { zh: ['传真', '传真号码'], en: ['Fax'] },
  email: { zh: ['邮箱', '电子邮箱', '电子邮件', '邮件'], en: ['E-mail', 'Email', 'Mail'] },
  wechat: { zh: ['微信', '微信号'], en: ['WeChat', 'WeChat ID'] },
  region: { zh: ['地区', '区域', '所在地区', '省份', '城市'], en: ['Region', 'Area'] },
  businessScope: { zh: ['经营范围'], en: ['Business scope'] },
  registeredCapital: { zh: ['注册资本', '注册资金'], en: ['Registered capital'] },
  birthday: { zh: ['生日', '出生日期'], en: ['Birthday', 'Date of birth'] },
  categoryKey: { zh: ['类别', '客户类别', '分类', '客户分类'], en: ['Category', 'Customer category'] },
  grade: { zh: ['等级', '客户等级', '级别'], en: ['Grade', 'Level'] },
  isKey: { zh: ['重点客户', '是否重点客户'], en: ['Key customer', 'Key'] },
  owner: { zh: ['专属客服经理', '客服经理', '负责人', '所属客服', '归属人'], en: ['Account manager', 'Owner'] },
  backup: { zh: ['协办客服', '备用客服', '第二对接人'], en: ['Backup staff', 'Backup'] },
  notes: { zh: ['备注', '说明'], en: ['Notes', 'Note', 'Remarks', 'Remark'] },
};

/** `电话（必填）`, ` E-mail* `, `Postal_Code` → `电话`, `email`, `postalcode`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊_\-:：]/g, '')
    .toLowerCase();
}

export type ImportFieldInfo = { key: ImportField; label: string; required: boolean; custom: boolean };

/** What the client offers in its mapping dropdowns, in the caller's language. */
export function importFields(definitions: FieldDefinition[], locale: Locale): ImportFieldInfo[] {
  return [
    ...BASE_IMPORT_FIELDS.map((key) => ({
      key,
      label: (locale === 'en' ? FIELD_NAMES[key].en[0] : FIELD_NAMES[key].zh[0]) ?? key,
      required: key === 'name',
      custom: false,
    })),
    ...definitions.map((d) => ({
      key: `customFields.${d.key}` as ImportField,
      label: locale === 'en' ? (d.labelEn ?? d.label) : d.label,
      required: d.isRequired,
      custom: true,
    })),
  ];
}

/**
 * The suggested mapping: each column whose header is a known name of a field (Chinese or English,
 * or a custom field's label or key) maps to it; the first column wins when two name the same field.
 */
export function suggestMapping(headers: string[], definitions: FieldDefinition[]): ImportMapping {
  const byName = new Map<string, ImportField>();
  for (const key of BASE_IMPORT_FIELDS) {
    for (const name of [key, ...FIELD_NAMES[key].zh, ...FIELD_NAMES[key].en]) byName.set(normaliseHeader(name), key);
  }
  for (const d of definitions) {
    for (const name of [d.key, d.label, d.labelEn ?? '']) {
      const normalised = normaliseHeader(name);
      // A custom field labelled like a standard one ("地区") does not take the standard field's place.
      if (normalised && !byName.has(normalised)) byName.set(normalised, `customFields.${d.key}`);
    }
  }
  const mapping: ImportMapping = {};
  headers.forEach((header, index) => {
    const field = byName.get(normaliseHeader(header));
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

/** Spreadsheet column letters for messages: 0 → A, 27 → AB. */
export const columnLetter = columnName;
