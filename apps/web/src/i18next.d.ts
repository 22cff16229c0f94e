/** Typed translation keys: `t('users:fields.username')` is checked against the zh-CN files. */
import 'i18next';
import type agents from './locales/zh-CN/agents.json';
import type audit from './locales/zh-CN/audit.json';
import type auth from './locales/zh-CN/auth.json';
import type common from './locales/zh-CN/common.json';
import type customers from './locales/zh-CN/customers.json';
import type departments from './locales/zh-CN/departments.json';
import type handover from './locales/zh-CN/handover.json';
import type home from './locales/zh-CN/home.json';
import type improvementMeasures from './locales/zh-CN/improvementMeasures.json';
import type jobs from './locales/zh-CN/jobs.json';
import type menu from './locales/zh-CN/menu.json';
import type phrases from './locales/zh-CN/phrases.json';
import type roles from './locales/zh-CN/roles.json';
import type ticketReports from './locales/zh-CN/ticketReports.json';
import type ticketSettings from './locales/zh-CN/ticketSettings.json';
import type tickets from './locales/zh-CN/tickets.json';
import type users from './locales/zh-CN/users.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      menu: typeof menu;
      auth: typeof auth;
      users: typeof users;
      departments: typeof departments;
      roles: typeof roles;
      audit: typeof audit;
      jobs: typeof jobs;
      home: typeof home;
      customers: typeof customers;
      handover: typeof handover;
      phrases: typeof phrases;
      tickets: typeof tickets;
      ticketSettings: typeof ticketSettings;
      agents: typeof agents;
      improvementMeasures: typeof improvementMeasures;
      ticketReports: typeof ticketReports;
    };
  }
}
