import { defineStore } from 'pinia';

export const useUiStore = defineStore('ui', {
  state: () => ({ sidebarCollapsed: false, theme: 'system' as 'light' | 'dark' | 'system', lastVisitedProject: null as string | null }),
  actions: {
    toggleSidebar() {
      this.sidebarCollapsed = !this.sidebarCollapsed;
    },
  },
  persist: true, // ok: token.storage
});
