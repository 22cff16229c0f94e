import { createHash } from 'node:crypto';
import { type Locale, t } from '@kefu/shared';
import type { QuestionRow } from '../surveys.repository.js';
import type { InvitationStaff } from '../surveys.tables.js';
import { type AnswerIssue, isAsked, SCALES } from './answers.rules.js';

/**
 * The public survey page /s/{token}: tiny server-rendered HTML, no script, one inline style
 * (allowed by its hash in the page's Content-Security-Policy), mobile first, a plain form POST.
 * Every value written into the page goes through `escapeHtml`.
 */
const CSS = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2937;background:#f3f4f6}
main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
h1{font-size:1.375rem;margin:.5rem 0}
.lang{float:right;color:#1d4ed8}
fieldset{border:1px solid #d1d5db;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}
fieldset.bad{border-color:#b91c1c}
legend{font-weight:600;padding:0 .25rem}
.req{color:#b91c1c;font-weight:400}
.scale{display:flex;flex-wrap:wrap;gap:.375rem}
.opt{display:flex;align-items:center;gap:.375rem;min-height:2.75rem;padding:.25rem .5rem;border:1px solid #9ca3af;border-radius:.375rem;cursor:pointer}
.scale .opt{min-width:2.75rem;justify-content:center}
.choices .opt{margin:.375rem 0}
.opt:focus-within,textarea:focus,a:focus,button:focus{outline:3px solid #1d4ed8;outline-offset:2px}
input[type=radio],input[type=checkbox]{width:1.25rem;height:1.25rem;margin:0;accent-color:#1d4ed8}
.hint{color:#4b5563;font-size:.875rem;margin:.25rem 0 0}
.err{color:#b91c1c;font-size:.875rem;margin:.25rem 0 0}
.alert{border:1px solid #b91c1c;background:#fef2f2;color:#7f1d1d;padding:.75rem;border-radius:.5rem;margin:0 0 1rem}
textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:1px solid #6b7280;border-radius:.375rem}
button{width:100%;min-height:3rem;font:inherit;font-weight:600;color:#fff;background:#1d4ed8;border:0;border-radius:.5rem;cursor:pointer}
@media (min-width:40rem){main{margin:2rem auto;min-height:0;border-radius:.75rem;padding:2rem}}`;

const CSS_HASH = createHash('sha256').update(CSS).digest('base64');

/** The page's own policy: nothing but its hashed style, forms back to this site only, no framing. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${CSS_HASH}'`,
  "img-src 'none'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const langTag = (locale: Locale) => (locale === 'en' ? 'en' : 'zh-CN');

function layout(locale: Locale, title: string, body: string): string {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  return `<!doctype html>
<html lang="${langTag(locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><main><a class="lang" href="?lang=${other}" lang="${langTag(other)}" hreflang="${langTag(other)}">${escapeHtml(
    t(locale, 'survey.page.switch_language'),
  )}</a>
${body}
</main></body></html>`;
}

export type PageKind = 'thanks' | 'used' | 'expired' | 'not_found' | 'refused';

/** The thank-you page and the clear pages of a used, expired or unknown link, or of a refused post. */
export function renderMessagePage(locale: Locale, kind: PageKind): string {
  const title = t(locale, `survey.page.${kind}.title`);
  return layout(
    locale,
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(t(locale, `survey.page.${kind}.body`))}</p>`,
  );
}

/** What the customer sent, by question id, to fill the form again after a refusal. */
export type FormValues = Map<string, string[]>;

const pick = (locale: Locale, zh: string, en: string | null | undefined) => (locale === 'en' && en ? en : zh);

function issueText(locale: Locale, issue: AnswerIssue | undefined): string | null {
  if (!issue) return null;
  if (issue.problem === 'required') return t(locale, 'survey.page.error.required');
  if (issue.problem === 'too_long') return t(locale, 'survey.page.error.too_long', { max: 1000 });
  return t(locale, 'survey.page.error.invalid');
}

function questionTitle(locale: Locale, q: QuestionRow, staff: InvitationStaff): string {
  const title = pick(locale, q.title, q.titleEn);
  const person = q.kind === 'staff_rating' && q.staffRole ? staff[q.staffRole]?.name : undefined;
  return person ? t(locale, 'survey.page.staff', { title, name: person }) : title;
}

function inputs(locale: Locale, q: QuestionRow, values: string[]): { html: string; hint: string | null } {
  const name = `q_${q.id}`;
  const req = q.required && q.kind !== 'multiple' ? ' required' : '';
  const option = (type: 'radio' | 'checkbox', value: string, label: string) =>
    `<label class="opt"><input type="${type}" name="${name}" value="${escapeHtml(value)}"${
      values.includes(value) ? ' checked' : ''
    }${type === 'radio' ? req : ''}><span>${escapeHtml(label)}</span></label>`;
  const scale = SCALES[q.kind];
  if (scale) {
    const items: string[] = [];
    for (let n = scale[0]; n <= scale[1]; n += 1) items.push(option('radio', String(n), String(n)));
    const ends =
      q.kind === 'nps'
        ? [t(locale, 'survey.page.nps.low'), t(locale, 'survey.page.nps.high')]
        : [t(locale, 'survey.page.scale.low'), t(locale, 'survey.page.scale.high')];
    return { html: `<div class="scale">${items.join('')}</div>`, hint: ends.join(locale === 'en' ? '; ' : '；') };
  }
  switch (q.kind) {
    case 'resolved':
      return {
        html: `<div class="choices">${option('radio', 'yes', t(locale, 'survey.page.resolved.yes'))}${option(
          'radio',
          'no',
          t(locale, 'survey.page.resolved.no'),
        )}</div>`,
        hint: null,
      };
    case 'single':
    case 'multiple': {
      const type = q.kind === 'single' ? 'radio' : 'checkbox';
      const html = q.options.map((o) => option(type, o.key, pick(locale, o.label, o.labelEn))).join('');
      return { html: `<div class="choices">${html}</div>`, hint: null };
    }
    default: {
      const id = `t_${q.id}`;
      return {
        html: `<label class="hint" for="${id}">${escapeHtml(t(locale, 'survey.page.text_hint', { max: 1000 }))}</label>
<textarea id="${id}" name="${name}" maxlength="1000"${q.required ? ' required' : ''}>${escapeHtml(values[0] ?? '')}</textarea>`,
        hint: null,
      };
    }
  }
}

/** The questionnaire as a form (answers of a refused post filled in again, each refusal beside its question). */
export function renderSurveyPage(args: {
  locale: Locale;
  token: string;
  name: string;
  description: string | null;
  questions: readonly QuestionRow[];
  staff: InvitationStaff;
  values?: FormValues;
  issues?: readonly AnswerIssue[];
}): string {
  const { locale } = args;
  const issues = args.issues ?? [];
  const parts: string[] = [`<h1>${escapeHtml(args.name)}</h1>`];
  parts.push(`<p>${escapeHtml(args.description || t(locale, 'survey.page.intro'))}</p>`);
  if (issues.length > 0) {
    parts.push(`<div class="alert" role="alert" id="errors">${escapeHtml(t(locale, 'survey.page.errors'))}</div>`);
  }
  parts.push(`<form method="post" action="/s/${encodeURIComponent(args.token)}?lang=${langTag(locale)}">`);
  let number = 0;
  for (const q of args.questions) {
    if (!isAsked(q, args.staff)) continue;
    number += 1;
    const issue = issueText(
      locale,
      issues.find((i) => i.questionId === q.id),
    );
    const field = inputs(locale, q, args.values?.get(q.id) ?? []);
    const describedBy = [field.hint ? `h_${q.id}` : null, issue ? `e_${q.id}` : null].filter(Boolean).join(' ');
    parts.push(
      `<fieldset${issue ? ' class="bad"' : ''}${describedBy ? ` aria-describedby="${describedBy}"` : ''}>` +
        `<legend>${number}. ${escapeHtml(questionTitle(locale, q, args.staff))}${
          q.required ? ` <span class="req">${escapeHtml(t(locale, 'survey.page.required'))}</span>` : ''
        }</legend>${field.html}${field.hint ? `<p class="hint" id="h_${q.id}">${escapeHtml(field.hint)}</p>` : ''}${
          issue ? `<p class="err" id="e_${q.id}">${escapeHtml(issue)}</p>` : ''
        }</fieldset>`,
    );
  }
  parts.push(`<button type="submit">${escapeHtml(t(locale, 'survey.page.submit'))}</button></form>`);
  return layout(locale, args.name, parts.join('\n'));
}
