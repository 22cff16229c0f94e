import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSurvey, invite, publicCall, type SurveyFixture, surveyFixture } from '../surveys.test-setup.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const INJECTION = '<script>alert(1)</script>"\'&';

/** Issue 15: the public page /s/{token} — tiny HTML, works without JavaScript, clear pages, escaped, strict CSP. */
describe('the survey page /s/{token}', () => {
  let f: SurveyFixture;
  let s: Awaited<ReturnType<typeof createSurvey>>;

  beforeAll(async () => {
    f = await surveyFixture();
    s = await createSurvey(f.admin, { name: `回访 ${INJECTION}`, description: `说明 ${INJECTION}` });
  });
  afterAll(async () => f.t.close());

  const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();

  it('renders an accessible form in zh-CN with a strict policy, everything escaped', async () => {
    const { token } = await invite(f.admin, s.id, { staff: { agent: { name: INJECTION } } });
    const r = await publicCall(f.t, 'GET', `/s/${token}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    const html = r.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    // One fieldset + legend per question; 0–10 and 1–5 as labelled radios.
    expect(html.match(/<fieldset/g)?.length).toBe(6);
    expect(html.match(/<legend>/g)?.length).toBe(6);
    expect(html.match(new RegExp(`name="q_${s.q('nps')}"`, 'g'))?.length).toBe(11);
    expect(html.match(new RegExp(`name="q_${s.q('csat')}"`, 'g'))?.length).toBe(5);
    expect(html).toContain(
      `<label class="opt"><input type="radio" name="q_${s.q('nps')}" value="0" required><span>0</span></label>`,
    );
    expect(html).toContain(`<label class="hint" for="t_${s.q('text')}">`);
    expect(html).toContain('method="post"');
  });

  it('speaks English with ?lang=en or Accept-Language', async () => {
    const { token } = await invite(f.admin, s.id);
    const q = await publicCall(f.t, 'GET', `/s/${token}?lang=en`);
    expect(q.body).toContain('<html lang="en">');
    expect(q.body).toContain('How likely are you to recommend us?');
    const h = await publicCall(f.t, 'GET', `/s/${token}`, undefined, { 'accept-language': 'en' });
    expect(h.body).toContain('Submit');
  });

  it('takes a plain form post: 422 with the answers kept and escaped, then thanks, then "already answered"', async () => {
    const { token } = await invite(f.admin, s.id);
    const bad = await publicCall(
      f.t,
      'POST',
      `/s/${token}`,
      form([
        [`q_${s.q('nps')}`, '12'],
        [`q_${s.q('text')}`, INJECTION],
      ]),
      FORM,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('role="alert"');
    expect(bad.body).toContain(`id="e_${s.q('nps')}"`);
    expect(bad.body).toContain(`id="e_${s.q('csat')}"`); // required, left out
    expect(bad.body).not.toContain('<script>alert');
    expect(bad.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const stored = await f.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = ${s.id}`,
    );
    expect(Number(stored.rows[0]?.n)).toBe(0);

    const ok = await publicCall(
      f.t,
      'POST',
      `/s/${token}`,
      form([
        [`q_${s.q('nps')}`, '8'],
        [`q_${s.q('csat')}`, '4'],
        [`q_${s.q('multiple')}`, 'slow'],
        [`q_${s.q('multiple')}`, 'quality'],
        [`q_${s.q('resolved')}`, 'no'],
        [`q_${s.q('text')}`, INJECTION],
      ]),
      FORM,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.body).toContain('感谢您的评价');
    const choices = await f.t.database.db.execute<{ choices: string[] }>(
      sql`SELECT choices FROM survey_answers WHERE question_id = ${s.q('multiple')}`,
    );
    expect(choices.rows[0]?.choices).toEqual(['slow', 'quality']);

    const used = await publicCall(f.t, 'GET', `/s/${token}`);
    expect(used.statusCode).toBe(410);
    expect(used.body).toContain('问卷已提交');
    const again = await publicCall(f.t, 'POST', `/s/${token}`, form([[`q_${s.q('nps')}`, '8']]), FORM);
    expect(again.statusCode).toBe(410);
  });

  it('answers expired (410), unknown (404) and oversize posts (413) with pages, not JSON', async () => {
    const old = await invite(f.admin, s.id);
    await f.t.database.db.execute(
      sql`UPDATE survey_invitations SET expires_at = now() - interval '1 day' WHERE id = ${old.id}`,
    );
    const expired = await publicCall(f.t, 'GET', `/s/${old.token}?lang=en`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Link expired');

    const unknown = await publicCall(f.t, 'GET', '/s/not-a-real-token-at-all');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^text\/html/);
    expect((await publicCall(f.t, 'GET', '/s/%3Cb%3E')).statusCode).toBe(404);

    const { token } = await invite(f.admin, s.id);
    const big = await publicCall(f.t, 'POST', `/s/${token}`, form([[`q_${s.q('text')}`, 'x'.repeat(40_000)]]), FORM);
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toMatch(/^text\/html/);
    expect((await publicCall(f.t, 'GET', `/s/${token}`)).statusCode).toBe(200);
  });
});
