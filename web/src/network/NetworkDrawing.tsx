// The network drawn with cytoscape.js (loaded only here): a fixed circle layout, no zoom or drag; selecting an organisation opens its profile.
import { useEffect, useRef, useState } from "react";
import type { Core, ElementDefinition as CyElement, StylesheetJson } from "cytoscape";
import type { ElementDefinition } from "./network-style.ts";
import { NETWORK_STYLE } from "./network-style.ts";

/** A circle starting at the top, in the order the elements are given (so the same data always draws the same). */
const layoutFor = (container: HTMLElement) =>
  ({ name: "circle", startAngle: -Math.PI / 2, padding: container.clientWidth < 500 ? 12 : 40, avoidOverlap: true, animate: false }) as const;

interface Props {
  elements: ElementDefinition[];
  /** What the drawing shows, in one sentence (the image's accessible name). */
  description: string;
  onSelect: (organisationId: string) => void;
}

export function NetworkDrawing({ elements, description, onSelect }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cy: Core | null = null;
    let observer: ResizeObserver | null = null;
    let live = true;
    import("cytoscape").then(
      ({ default: cytoscape }) => {
        if (!live || !box.current) return;
        const container = box.current;
        cy = cytoscape({
          container,
          elements: elements as CyElement[],
          style: NETWORK_STYLE as unknown as StylesheetJson,
          layout: layoutFor(container),
          userZoomingEnabled: false,
          userPanningEnabled: false,
          boxSelectionEnabled: false,
          autoungrabify: true,
          autounselectify: true,
          minZoom: 0.3,
          maxZoom: 1.6,
        });
        const instance = cy;
        instance.on("tap", "node", (e) => select.current(e.target.id() as string));
        instance.on("mouseover", "node", (e) => {
          e.target.addClass("hover");
          container.style.cursor = "pointer";
        });
        instance.on("mouseout", "node", (e) => {
          e.target.removeClass("hover");
          container.style.cursor = "";
        });
        // A new width lays the circle out again for the new box, so a phone turned sideways still gets a readable drawing.
        let width = container.clientWidth;
        observer = new ResizeObserver(() => {
          // Skip a box being taken off the page (width 0) or an instance already destroyed.
          if (!live || instance.destroyed() || container.clientWidth === 0 || container.clientWidth === width) return;
          width = container.clientWidth;
          instance.resize();
          instance.layout(layoutFor(container)).run();
        });
        observer.observe(container);
        container.dataset["drawn"] = String(instance.nodes().length);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      observer?.disconnect();
      cy?.destroy();
    };
  }, [elements]);

  if (failed) {
    return <p className="body">The drawing could not be loaded. The table below gives the same ties.</p>;
  }
  return <div className="network-drawing" ref={box} role="img" aria-label={description} data-testid="network-drawing" />;
}
