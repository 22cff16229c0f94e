/** Typed translation keys: `t('users:fields.username')` is checked against the zh-CN files. */
import 'i18next';
import type audit from './locales/zh-CN/audit.json';
import type auth from './locales/zh-CN/auth.json';
import type calendars from './locales/zh-CN/calendars.json';
import type callbacksPlans from './locales/zh-CN/callbacksPlans.json';
import type callbacksWork from './locales/zh-CN/callbacksWork.json';
import type common from './locales/zh-CN/common.json';
import type customers from './locales/zh-CN/customers.json';
import type customersDuplicates from './locales/zh-CN/customersDuplicates.json';
import type customersGrading from './locales/zh-CN/customersGrading.json';
import type customersImportExport from './locales/zh-CN/customersImportExport.json';
import type customersRecords from './locales/zh-CN/customersRecords.json';
import type customersSettings from './locales/zh-CN/customersSettings.json';
import type departments from './locales/zh-CN/departments.json';
import type handover from './locales/zh-CN/handover.json';
import type home from './locales/zh-CN/home.json';
import type jobs from './locales/zh-CN/jobs.json';
import type menu from './locales/zh-CN/menu.json';
import type notifications from './locales/zh-CN/notifications.json';
import type phrases from './locales/zh-CN/phrases.json';
import type robots from './locales/zh-CN/robots.json';
import type roles from './locales/zh-CN/roles.json';
import type sla from './locales/zh-CN/sla.json';
import type slaPolicies from './locales/zh-CN/slaPolicies.json';
import type slaReport from './locales/zh-CN/slaReport.json';
import type surveys from './locales/zh-CN/surveys.json';
import type tickets from './locales/zh-CN/tickets.json';
import type ticketsAssignment from './locales/zh-CN/ticketsAssignment.json';
import type ticketsConversation from './locales/zh-CN/ticketsConversation.json';
import type ticketsMeasures from './locales/zh-CN/ticketsMeasures.json';
import type ticketsQueue from './locales/zh-CN/ticketsQueue.json';
import type ticketsRelations from './locales/zh-CN/ticketsRelations.json';
import type ticketsSettings from './locales/zh-CN/ticketsSettings.json';
import type users from './locales/zh-CN/users.json';
import type webhooks from './locales/zh-CN/webhooks.json';

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
      customersRecords: typeof customersRecords;
      customersDuplicates: typeof customersDuplicates;
      customersGrading: typeof customersGrading;
      customersImportExport: typeof customersImportExport;
      customersSettings: typeof customersSettings;
      handover: typeof handover;
      phrases: typeof phrases;
      tickets: typeof tickets;
      ticketsQueue: typeof ticketsQueue;
      ticketsConversation: typeof ticketsConversation;
      ticketsAssignment: typeof ticketsAssignment;
      ticketsRelations: typeof ticketsRelations;
      ticketsMeasures: typeof ticketsMeasures;
      ticketsSettings: typeof ticketsSettings;
      sla: typeof sla;
      slaPolicies: typeof slaPolicies;
      slaReport: typeof slaReport;
      calendars: typeof calendars;
      notifications: typeof notifications;
      robots: typeof robots;
      webhooks: typeof webhooks;
      callbacksWork: typeof callbacksWork;
      callbacksPlans: typeof callbacksPlans;
      surveys: typeof surveys;
    };
  }
}
