/**
 * Who is recording on this tablet (until staff sign-in with PINs arrives with sync). UI state,
 * persisted so a reload keeps the same person; every record carries that staff id.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

type ActorState = { staffId: string | null; setStaffId: (staffId: string | null) => void };

export const useActorStore = create<ActorState>()(
  persist((set) => ({ staffId: null, setStaffId: (staffId) => set({ staffId }) }), {
    name: 'kit-actor',
    version: 1,
  }),
);
