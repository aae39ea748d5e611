import { combineReducers, configureStore, createListenerMiddleware } from '@reduxjs/toolkit';
import {
  persistReducer,
  persistStore,
  FLUSH,
  PAUSE,
  PERSIST,
  PURGE,
  REGISTER,
  REHYDRATE,
} from 'redux-persist';
import storage from 'redux-persist/lib/storage';
import { setupListeners } from '@reduxjs/toolkit/query';

import authReducer, { signedOut } from '../features/auth/authSlice';
import cartReducer from '../features/cart/cartSlice';
import preferencesReducer, { themeChanged, unitsChanged } from '../features/preferences/preferencesSlice';
import { recipesApi } from '../services/recipesApi';

const rootReducer = combineReducers({
  auth: authReducer,
  cart: cartReducer,
  preferences: preferencesReducer,
  [recipesApi.reducerPath]: recipesApi.reducer,
});

// Keep the shopping list and the signed-in user across reloads so people don't lose their cart.
const persistedReducer = persistReducer({ key: 'recipe-box', version: 2, storage, whitelist: ['auth', 'cart'] }, rootReducer); // expect: token.storage

const listener = createListenerMiddleware();

listener.startListening({
  actionCreator: themeChanged,
  effect: (action) => {
    document.documentElement.dataset.theme = action.payload;
    localStorage.setItem('rb.theme', action.payload); // ok: token.storage
  },
});

listener.startListening({
  actionCreator: unitsChanged,
  effect: (action) => {
    localStorage.setItem('rb.units', action.payload);
  },
});

listener.startListening({
  actionCreator: signedOut,
  effect: async (_action, api) => {
    api.dispatch(recipesApi.util.resetApiState());
    await persistor.purge();
  },
});

export const store = configureStore({
  reducer: persistedReducer,
  middleware: (getDefaultMiddleware) =>
    getDefaultMiddleware({
      serializableCheck: {
        ignoredActions: [FLUSH, REHYDRATE, PAUSE, PERSIST, PURGE, REGISTER],
      },
    })
      .prepend(listener.middleware)
      .concat(recipesApi.middleware),
  devTools: import.meta.env.DEV,
});

export const persistor = persistStore(store);

setupListeners(store.dispatch);

export type RootState = ReturnType<typeof store.getState>;
export type AppDispatch = typeof store.dispatch;
