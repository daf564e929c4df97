import { useCallback, useEffect, useRef } from 'react';
import { api } from '../../app/api-client';
import { solveProofOfWork } from './proof-of-work';

export interface ContactProof {
  challenge: string;
  nonce: string;
  // When the challenge was issued (browser time), to know how long the server still wants us to wait.
  issuedAt: number;
}

async function fetchProof(basePath: string, signal: AbortSignal): Promise<ContactProof> {
  const issuedAt = Date.now();
  const { challenge, difficulty } = await api.post<{ challenge: string; difficulty: number }>(`${basePath}/contact-challenges`);
  const nonce = await solveProofOfWork(challenge, difficulty, { signal });
  return { challenge, nonce, issuedAt };
}

// Asks for a challenge as soon as the form opens and solves it in the background while the resident types,
// so pressing Versturen rarely has to wait. `take` hands out the proof; `renew` starts over after a refusal.
export function useContactProof(basePath: string) {
  const pending = useRef<Promise<ContactProof> | null>(null);
  const controller = useRef<AbortController | null>(null);

  const renew = useCallback(() => {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    const promise = fetchProof(basePath, next.signal);
    // Failures surface when the proof is taken; until then nobody is waiting for it.
    promise.catch(() => {});
    pending.current = promise;
  }, [basePath]);

  useEffect(() => {
    renew();
    return () => controller.current?.abort();
  }, [renew]);

  const take = useCallback(async (): Promise<ContactProof> => {
    try {
      return await (pending.current ?? Promise.reject(new Error('geen opgave')));
    } catch {
      // A challenge that could not be fetched (network, rate limit) is asked for once more at send time.
      renew();
      return (pending.current ?? Promise.reject(new Error('geen opgave'))) as Promise<ContactProof>;
    }
  }, [renew]);

  return { take, renew };
}
