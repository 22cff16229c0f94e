import type { ModuleManifest } from '../../lib/module.js';
import { callImportModule } from './import/import.module.js';
import { callRecordsModule } from './records/records.module.js';
import { callStaffingModule } from './staffing/staffing.module.js';
import { callStatsModule } from './stats/stats.module.js';

/**
 * Calls (话务): call records from the PBX (Asterisk queue_log, CSV with a column mapping, a signed
 * webhook of live events — `import/`), call records and customer linking (`records/`), call-centre
 * KPIs against editable targets (`stats/`), Erlang C staffing and the intraday forecast (`staffing/`).
 */
export const callsModule: ModuleManifest = {
  name: 'calls',
  description: 'Calls (话务): PBX call import, call records, call-centre KPIs and Erlang C staffing',
  permissions: ['calls.read', 'calls.import', 'calls.manage'],
  parts: [callImportModule, callStatsModule, callRecordsModule, callStaffingModule],
};
