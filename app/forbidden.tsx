import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">You cannot open this page</h1>
        <p className="mt-2 text-sm text-slate-600">Your role does not allow it. Ask an administrator if you need access.</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">Back to the overview</Link>
      </div>
    </main>
  );
}
