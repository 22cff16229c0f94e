import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';

describe('audit log export and immutability', () => {
  let t: TestApp;
  let admin: Session;
  let departmentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    departmentId = (await admin.post('/api/v1/departments', { name: '客户服务中心' })).json().id;
    await admin.patch(`/api/v1/departments/${departmentId}`, { name: '客户服务中心（总部）' });
  });
  afterAll(async () => t?.close());

  async function exportedEntries() {
    const r = await admin.get('/api/v1/audit?action=audit.exported');
    return r.json().items as { actorId: string; details: { format: string; filter: Record<string, unknown> } }[];
  }

  it('exports CSV as UTF-8 with a BOM, Chinese text intact, and records the export', async () => {
    const r = await admin.get(`/api/v1/audit/export?format=csv&entityType=department&entityId=${departmentId}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('审计日志')}`);
    expect([...r.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.rawPayload);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('编号,时间,操作人,操作,对象类型,对象编号,对象,变更前,变更后,详情,IP,浏览器,请求编号');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('department.created');
    expect(lines[1]).toContain('系统管理员 (admin)');
    expect(lines[1]).toContain('客户服务中心');
    expect(lines[2]).toContain('department.updated');
    expect(lines[2]).toContain('客户服务中心（总部）');

    const exported = await exportedEntries();
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({
      actorId: admin.userId,
      details: { format: 'csv', filter: { entityType: 'department', entityId: departmentId } },
    });
  });

  it('exports with English headers for an English caller', async () => {
    const r = await admin.get('/api/v1/audit/export?action=department.created', { 'accept-language': 'en' });
    expect(r.headers['content-disposition']).toContain('filename="audit-log-');
    expect(r.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'ID,Time,Actor,Action,Entity type,Entity ID,Target,Before,After,Details,IP,User agent,Request ID',
    );
  });

  it('exports a valid Excel workbook and records the export', async () => {
    const r = await admin.get(`/api/v1/audit/export?format=xlsx&entityId=${departmentId}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志');
    expect(sheet?.getRow(1).getCell(4).value).toBe('操作');
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(3).getCell(7).value).toBe('客户服务中心（总部）');
    expect(String(sheet?.getRow(3).getCell(9).value)).toContain('客户服务中心（总部）');
    expect((await exportedEntries()).map((e) => e.details.format)).toContain('xlsx');
  });

  it('neutralises spreadsheet formulas in exported text', async () => {
    await admin.post('/api/v1/departments', { name: '=HYPERLINK("http://evil.example","x")' });
    const r = await admin.get('/api/v1/audit/export?action=department.created');
    expect(r.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('needs audit.export: a reader without it gets 403 and nothing is recorded', async () => {
    await createUser(t.database.db, { username: 'reader', roleKey: 'general_manager' });
    const reader = await t.signIn('reader');
    expect((await reader.get('/api/v1/audit')).statusCode).toBe(200);
    const before = (await exportedEntries()).length;
    const r = await reader.get('/api/v1/audit/export');
    expect(r.statusCode).toBe(403);
    expect(r.json().params).toEqual({ permission: 'audit.export' });
    expect(await exportedEntries()).toHaveLength(before);
  });

  it('offers no API to change the audit log: every /api/v1/audit operation is a GET', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, object>;
    };
    const auditPaths = Object.entries(spec.paths).filter(([path]) => path.startsWith('/api/v1/audit'));
    expect(auditPaths.length).toBeGreaterThan(0);
    for (const [path, operations] of auditPaths) {
      const methods = Object.keys(operations).filter((k) => !['parameters', 'summary', 'description'].includes(k));
      expect(methods, path).toEqual(['get']);
    }
    const routes = [...t.app.routeAccess.keys()].filter((key) => key.split(' ')[1]?.startsWith('/api/v1/audit'));
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((key) => !key.startsWith('GET ') && !key.startsWith('HEAD '))).toEqual([]);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const r = await admin.inject(method, '/api/v1/audit', method === 'DELETE' ? undefined : {});
      expect(r.statusCode, method).toBe(404);
      expect(r.json().code).toBe('route_not_found');
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_log even in raw SQL, leaving the rows as they were', async () => {
    const snapshot = async () =>
      (await t.database.executeSql('SELECT row_to_json(a)::text AS j FROM audit_log a ORDER BY id')).rows.map(
        (r) => r.j,
      );
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(3);
    // Both with the simple protocol (PGlite exec) and as parameterised statements.
    const attempts: [string, unknown[]?][] = [
      [`UPDATE audit_log SET actor_name = 'nobody', action = 'tampered'`],
      ['UPDATE audit_log SET ip = NULL WHERE id = $1', [1]],
      ['DELETE FROM audit_log'],
      ['DELETE FROM audit_log WHERE id > $1', [0]],
      ['TRUNCATE audit_log'],
      ['TRUNCATE TABLE audit_log RESTART IDENTITY CASCADE'],
    ];
    for (const [statement, params] of attempts) {
      await expect(t.database.executeSql(statement, params), statement).rejects.toThrow(/append-only/);
    }
    expect(await snapshot()).toEqual(before);
    // Appending still works.
    await admin.post('/api/v1/departments', { name: '追加' });
    expect((await snapshot()).length).toBe(before.length + 1);
  });
});
