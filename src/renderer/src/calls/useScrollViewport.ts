import { useEffect, useState, type RefObject } from 'react';

/** The scroll position and visible height of a scrolling element, updated once per frame at most. */
export function useScrollViewport(ref: RefObject<HTMLElement | null>): { scrollTop: number; clientHeight: number } {
  const [viewport, setViewport] = useState({ scrollTop: 0, clientHeight: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setViewport((previous) =>
        previous.scrollTop === element.scrollTop && previous.clientHeight === element.clientHeight
          ? previous
          : { scrollTop: element.scrollTop, clientHeight: element.clientHeight },
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    element.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref]);
  return viewport;
}
