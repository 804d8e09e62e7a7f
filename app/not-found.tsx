import { NotFoundMessage } from '@/components/errors/not-found-message';
import { ProductMark } from '@/components/ui/product-mark';

/** 404 for any URL the app does not have (outside the signed-in shell, so it reveals nothing). */
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto w-full max-w-5xl px-4 py-4 sm:px-6">
        <ProductMark href="/" />
      </header>
      <main id="main" className="flex-1 px-4">
        <NotFoundMessage href="/" linkLabel="Go to the start page" />
      </main>
    </div>
  );
}
