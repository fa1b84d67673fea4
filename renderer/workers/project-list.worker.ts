// The project list's heavy columns computed in a Worker that reads IndexedDB itself: risk flags need every project and
// budget line (100,000 lines at 50,000 projects), and the search texts NFKC-fold every project's fields; both ran on
// the main thread when the Projects screen opened or a project was saved. The work itself: project-list-api.ts.
import { readAllProjects, readRiskInputsBesidesProjects } from '../store/risks';
import { serveWorkerApi } from '../platform/worker-client';
import { createProjectListApi } from './project-list-api';

serveWorkerApi(createProjectListApi({ projects: readAllProjects, besidesProjects: readRiskInputsBesidesProjects }));
