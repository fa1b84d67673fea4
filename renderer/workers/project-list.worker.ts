// The project list's Worker: it reads every project out of IndexedDB itself and keeps them, with their search texts,
// sort ranks and risk flags, so the Projects and Timeline screens ask it for the order of what they show and the rows in
// view instead of reading and cloning 50,000 rows on the main thread. The work itself: project-list-model.ts.
import { readAllProjects, readMilestonesOf, readRiskInputsBesidesProjects } from '../store/risks';
import { loadPrograms } from '../store/catalog';
import { serveWorkerApi, transferred } from '../platform/worker-client';
import { createProjectListModel } from './project-list-model';
import type { ProjectListApi } from './project-list';

// Between slices of background work the Worker posts itself a message rather than setting a timer: a chain of
// setTimeout(0) is clamped to 4 ms a link after five, idle time that only delayed the preparation. A query from the
// page queued meanwhile still runs first.
const channel = new MessageChannel();
const paused: (() => void)[] = [];
channel.port1.onmessage = () => paused.shift()?.();
const pause = () =>
  new Promise<void>((resolve) => {
    paused.push(resolve);
    channel.port2.postMessage(null);
  });
const model = createProjectListModel({ projects: readAllProjects, programs: loadPrograms, besidesProjects: readRiskInputsBesidesProjects, milestonesOf: readMilestonesOf }, pause);

serveWorkerApi({
  ...model,
  // The orders move to the page instead of being copied.
  list: async (q) => {
    const a = await model.list(q);
    return a ? transferred(a, [a.order.buffer as ArrayBuffer]) : a;
  },
  timeline: async (q) => {
    const a = await model.timeline(q);
    return a ? transferred(a, [a.items.buffer as ArrayBuffer, a.groupOf.buffer as ArrayBuffer]) : a;
  },
} satisfies ProjectListApi);
