import AsyncStorage from '@react-native-async-storage/async-storage';
import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { FLUSH, PAUSE, PERSIST, persistReducer, persistStore, PURGE, REGISTER, REHYDRATE } from 'redux-persist';
import auth from './authSlice';
import catalog from './catalogSlice';
import settings from './settingsSlice';

const catalogPersistConfig = { key: 'catalog', storage: AsyncStorage, blacklist: ['pending'] }; // ok: token.storage

const rootPersistConfig = { key: 'root', version: 2, storage: AsyncStorage, whitelist: ['auth', 'settings'] }; // expect: token.storage

const rootReducer = combineReducers({ auth, settings, catalog: persistReducer(catalogPersistConfig, catalog) });

export const store = configureStore({
  reducer: persistReducer(rootPersistConfig, rootReducer),
  middleware: (getDefault) => getDefault({ serializableCheck: { ignoredActions: [FLUSH, REHYDRATE, PAUSE, PERSIST, PURGE, REGISTER] } }),
});

export const persistor = persistStore(store);
export type RootState = ReturnType<typeof store.getState>;
