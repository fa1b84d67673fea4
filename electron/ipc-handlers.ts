// The main-process side of DesktopApi: one handler per IPC channel, each checking who sent it and what it carries.
// Electron's modules arrive as injected dependencies so the logic runs in unit tests without the Electron binary.
import path from 'node:path';
import type { AppInfo, FileBytes, PickedFile, SaveResult, SnapshotInfo } from '../shared/api/desktop-api';
import { snapshotsToPrune } from '../shared/backup/backup-names';
import {
  IPC,
  MAX_IPC_FILE_BYTES,
  checkNotificationRequest,
  checkOpenFileRequest,
  checkPrintToPdfRequest,
  checkSaveFileRequest,
  checkSaveSnapshotRequest,
  checkUiLanguage,
  isSnapshotFileName,
} from '../shared/api/ipc-contract';

export interface IpcDeps {
  appInfo: () => AppInfo;
  showOpenDialog: (opts: { title?: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null>;
  showSaveDialog: (opts: { title?: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null>;
  fileSize: (filePath: string) => Promise<number>;
  readFile: (filePath: string) => Promise<Uint8Array>;
  /** Writes whole bytes, or parts one after another (never joined first). */
  writeFile: (filePath: string, bytes: FileBytes) => Promise<void>;
  defaultSaveFolder: () => string;
  notify: (title: string, body: string) => void;
  printToPdf: () => Promise<Uint8Array>;
  setUiLanguage: (lang: 'ja' | 'en') => void;
  /** Folder for automatic backups (userData/backups); created on first use. */
  snapshotFolder: () => string;
  ensureFolder: (folder: string) => Promise<void>;
  listFolder: (folder: string) => Promise<{ name: string; size: number; modified: string }[]>;
  removeFile: (filePath: string) => Promise<void>;
  /** Atomic replace (write elsewhere, then rename), so a crash never leaves a half-written backup. */
  renameFile: (from: string, to: string) => Promise<void>;
}

export interface IpcSender {
  /** URL of the frame that sent the message. */
  senderUrl: string;
  /** True when the frame is the window's main frame (not an iframe). */
  isMainFrame: boolean;
}

export type IpcHandler = (sender: IpcSender, arg: unknown) => Promise<unknown>;

export class IpcRejection extends Error {}

export function createIpcHandlers(deps: IpcDeps): Record<string, IpcHandler> {
  const save = async (bytes: FileBytes, suggestedName: string, filters: { name: string; extensions: string[] }[], title?: string): Promise<SaveResult> => {
    const target = await deps.showSaveDialog({ ...(title ? { title } : {}), defaultPath: path.join(deps.defaultSaveFolder(), suggestedName), filters });
    if (!target) return { saved: false, location: null };
    await deps.writeFile(target, bytes);
    return { saved: true, location: target };
  };

  return {
    [IPC.getAppInfo]: async () => deps.appInfo(),
    [IPC.openFile]: async (_sender, arg): Promise<PickedFile | null> => {
      const req = checkOpenFileRequest(arg);
      if (!req.ok) throw new IpcRejection(req.error);
      const chosen = await deps.showOpenDialog(req.value);
      if (!chosen) return null;
      const size = await deps.fileSize(chosen);
      if (size > MAX_IPC_FILE_BYTES) throw new IpcRejection(`File is larger than ${MAX_IPC_FILE_BYTES / 1024 / 1024} MB`);
      return { name: path.basename(chosen), bytes: await deps.readFile(chosen) };
    },
    [IPC.saveFile]: async (_sender, arg) => {
      const req = checkSaveFileRequest(arg);
      if (!req.ok) throw new IpcRejection(req.error);
      return save(req.value.bytes, req.value.suggestedName, req.value.filters, req.value.title);
    },
    [IPC.notify]: async (_sender, arg) => {
      const req = checkNotificationRequest(arg);
      if (!req.ok) throw new IpcRejection(req.error);
      deps.notify(req.value.title, req.value.body);
    },
    [IPC.printToPdf]: async (_sender, arg) => {
      const req = checkPrintToPdfRequest(arg);
      if (!req.ok) throw new IpcRejection(req.error);
      const pdf = await deps.printToPdf();
      return save(pdf, req.value.suggestedName, [{ name: 'PDF', extensions: ['pdf'] }]);
    },
    [IPC.saveSnapshot]: async (_sender, arg): Promise<SaveResult> => {
      const req = checkSaveSnapshotRequest(arg);
      if (!req.ok) throw new IpcRejection(req.error);
      const folder = deps.snapshotFolder();
      await deps.ensureFolder(folder);
      const target = path.join(folder, req.value.fileName);
      const temp = `${target}.partial`;
      await deps.writeFile(temp, req.value.bytes);
      await deps.renameFile(temp, target);
      const names = (await deps.listFolder(folder)).map((f) => f.name);
      for (const old of snapshotsToPrune(names, req.value.keep)) await deps.removeFile(path.join(folder, old));
      return { saved: true, location: target };
    },
    [IPC.listSnapshots]: async (): Promise<SnapshotInfo[]> => {
      const folder = deps.snapshotFolder();
      await deps.ensureFolder(folder);
      return (await deps.listFolder(folder))
        .filter((f) => isSnapshotFileName(f.name))
        .map((f) => ({ fileName: f.name, sizeBytes: f.size, createdAt: f.modified }))
        .sort((a, b) => b.fileName.localeCompare(a.fileName));
    },
    [IPC.readSnapshot]: async (_sender, arg): Promise<Uint8Array | null> => {
      if (!isSnapshotFileName(arg)) throw new IpcRejection('bad snapshot name');
      const file = path.join(deps.snapshotFolder(), arg);
      try {
        return await deps.readFile(file);
      } catch {
        return null;
      }
    },
    [IPC.setUiLanguage]: async (_sender, arg) => {
      const req = checkUiLanguage(arg);
      if (!req.ok) throw new IpcRejection(req.error);
      deps.setUiLanguage(req.value);
    },
  };
}

/** Wraps a handler so it runs only for the app's own main frame; anything else is refused before the handler sees it. */
export function guardSender(handler: IpcHandler, isAppUrl: (url: string) => boolean): IpcHandler {
  return async (sender, arg) => {
    if (!sender.isMainFrame || !isAppUrl(sender.senderUrl)) throw new IpcRejection(`IPC from untrusted frame refused: ${sender.senderUrl}`);
    return handler(sender, arg);
  };
}
