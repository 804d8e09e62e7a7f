import type { ChangeActor } from '@/lib/queries/types';

export interface ActorNameProps {
  actor: Pick<ChangeActor, 'name' | 'email'> | null;
}

/**
 * A person as the change record names them: their name, their email on hover and for screen readers' context. In a
 * <bdi>: a name comes from the IdP and may be right-to-left (or hold a control), and must not reorder the sentence.
 */
export function ActorName({ actor }: ActorNameProps) {
  if (!actor) return <span>the console</span>;
  return <bdi title={actor.email}>{actor.name || actor.email}</bdi>;
}
