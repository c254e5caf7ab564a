// The heading of a section; it takes focus when the user opens the section so screen readers
// announce it (not on the first screen, where keyboard users start at the skip link).
import { useEffect, useRef } from "preact/hooks";
import { navigation } from "../router";

export function PageHeader({ title, intro }: { title: string; intro: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (navigation.count > 0) heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <header class="page-header">
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p class="muted">{intro}</p>
    </header>
  );
}
