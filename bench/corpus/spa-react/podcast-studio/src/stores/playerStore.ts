import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useSession } from './sessionStore';

interface PlayerState {
  episodeId: string | null;
  positionSec: number;
  playbackRate: 1 | 1.25 | 1.5 | 2;
  volume: number;
  /** Short-lived signed token for the private preview stream, fetched per episode. */
  streamToken: string | null;
  streamTokenExpiresAt: number;
  load: (episodeId: string) => Promise<void>;
  seek: (positionSec: number) => void;
  setRate: (rate: PlayerState['playbackRate']) => void;
  setVolume: (volume: number) => void;
}

export const usePlayer = create<PlayerState>()(
  persist(
    (set, get) => ({
      episodeId: null,
      positionSec: 0,
      playbackRate: 1,
      volume: 0.8,
      streamToken: null,
      streamTokenExpiresAt: 0,

      async load(episodeId) {
        const token = await useSession.getState().ensureFresh();
        const res = await fetch(`${import.meta.env.VITE_STUDIO_API}/episodes/${episodeId}/preview-token`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        });
        const body = await res.json();
        set({
          episodeId,
          positionSec: get().episodeId === episodeId ? get().positionSec : 0,
          streamToken: body.token,
          streamTokenExpiresAt: Date.now() + body.expires_in * 1000,
        });
      },

      seek(positionSec) {
        set({ positionSec });
      },
      setRate(playbackRate) {
        set({ playbackRate });
      },
      setVolume(volume) {
        set({ volume: Math.min(1, Math.max(0, volume)) });
      },
    }),
    {
      name: 'podcast-studio.player',
      storage: createJSONStorage(() => localStorage), // ok: token.storage
      partialize: ({ episodeId, positionSec, playbackRate, volume }) => ({ episodeId, positionSec, playbackRate, volume }),
    },
  ),
);
