// What a section will hold, said plainly, while it holds nothing yet.
import type { ComponentChildren } from "preact";

interface Props {
  title: string;
  body: string;
  children?: ComponentChildren;
}

export function EmptyState({ title, body, children }: Props) {
  return (
    <section class="card empty-state" aria-label={title}>
      <h2>{title}</h2>
      <p>{body}</p>
      {children}
    </section>
  );
}
