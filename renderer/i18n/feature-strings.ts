// Every feature's string table, registered under the feature's namespace (useTranslation('projects') etc.).
import type { StringTable } from './i18n';
import { dashboardStrings } from '../features/dashboard/strings';
import { programsStrings } from '../features/programs/strings';
import { projectsStrings } from '../features/projects/strings';
import { deadlinesStrings } from '../features/deadlines/strings';
import { timelineStrings } from '../features/timeline/strings';
import { reportsStrings } from '../features/reports/strings';
import { importExportStrings } from '../features/import-export/strings';
import { settingsStrings } from '../features/settings/strings';
import { applicationsStrings } from '../features/applications/strings';
import { researchersStrings } from '../features/researchers/strings';

export const featureStrings: Record<string, StringTable> = {
  dashboard: dashboardStrings,
  programs: programsStrings,
  projects: projectsStrings,
  deadlines: deadlinesStrings,
  timeline: timelineStrings,
  reports: reportsStrings,
  importExport: importExportStrings,
  settings: settingsStrings,
  applications: applicationsStrings,
  researchers: researchersStrings,
};
