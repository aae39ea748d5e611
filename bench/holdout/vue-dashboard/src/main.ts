import { createApp } from 'vue';
import { createPinia } from 'pinia';
import piniaPluginPersistedstate from 'pinia-plugin-persistedstate';
import VueGtag from 'vue-gtag';
import App from './App.vue';
import router from './router';

const pinia = createPinia();
pinia.use(piniaPluginPersistedstate);

createApp(App)
  .use(pinia)
  .use(router)
  .use(VueGtag, { config: { id: 'G-7QK2M9XWZ3' } }) // ok: secret.inline
  .mount('#app');
