// Draws an Observable Plot chart at the width of its box (redrawn when the box resizes), labelled as one image.
import { useEffect, useLayoutEffect, useRef, useState } from "react";

interface Props {
  /** Builds the chart for a width in pixels; memoise it (useCallback) so it only redraws when its data change. */
  build: (width: number) => SVGSVGElement | HTMLElement;
  /** What the chart shows, for screen readers (the same facts are on the page as text and a table). */
  label: string;
}

export function PlotChart({ build, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el || width < 100) return undefined;
    let chart: SVGSVGElement | HTMLElement;
    try {
      chart = build(width);
    } catch {
      el.replaceChildren(); // the table and text below still carry the figures
      return undefined;
    }
    // Plot labels its inner groups ("bar", "rule"); inside one labelled image those labels are noise (and invalid ARIA).
    for (const el of chart.querySelectorAll("[aria-label], [aria-description]")) {
      el.removeAttribute("aria-label");
      el.removeAttribute("aria-description");
    }
    chart.setAttribute("role", "img");
    chart.setAttribute("aria-label", label);
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [build, label, width]);

  return <div className="chart" ref={box} />;
}
