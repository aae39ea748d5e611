import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('gitdesk', {
  login: () => ipcRenderer.invoke('auth:login'),
  logout: () => ipcRenderer.invoke('auth:logout'),
});
