import { NotFoundMessage } from '@/components/errors/not-found-message';

/** 404 inside the signed-in area (unknown cosigner or key, or an admin page opened by a viewer), within the shell. */
export default function ConsoleNotFound() {
  return <NotFoundMessage href="/cosigners" linkLabel="Back to cosigners" />;
}
