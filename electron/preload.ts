// The only script that sees ipcRenderer. It exposes one DesktopApi object and nothing else, so the page can ask the
// main process for files, dialogs and notifications without holding any Electron capability itself.
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi, MenuCommand } from '../shared/api/desktop-api';
import { IPC, isMenuCommand } from '../shared/api/ipc-contract';

const desktopApi = {
  getAppInfo: () => ipcRenderer.invoke(IPC.getAppInfo),
  openFile: (request) => ipcRenderer.invoke(IPC.openFile, request),
  saveFile: (request) => ipcRenderer.invoke(IPC.saveFile, request),
  notify: (request) => ipcRenderer.invoke(IPC.notify, request),
  printToPdf: (request) => ipcRenderer.invoke(IPC.printToPdf, request),
  setUiLanguage: (lang) => ipcRenderer.invoke(IPC.setUiLanguage, lang),
  saveSnapshot: (request) => ipcRenderer.invoke(IPC.saveSnapshot, request),
  listSnapshots: () => ipcRenderer.invoke(IPC.listSnapshots),
  readSnapshot: (fileName) => ipcRenderer.invoke(IPC.readSnapshot, fileName),
  setSyncServer: (url) => ipcRenderer.invoke(IPC.setSyncServer, url),
  keepSyncPassword: (request) => ipcRenderer.invoke(IPC.keepSyncPassword, request),
  loadSyncPassword: (account) => ipcRenderer.invoke(IPC.loadSyncPassword, account),
  forgetSyncPassword: () => ipcRenderer.invoke(IPC.forgetSyncPassword),
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    const wrapped = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC.menuCommand, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, wrapped);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktopApi', desktopApi);
