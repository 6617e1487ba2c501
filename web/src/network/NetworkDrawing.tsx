// The network drawn with cytoscape.js (loaded only here): a fixed circle layout, no zoom or drag; selecting an organisation opens its profile.
import { useEffect, useRef, useState } from "react";
import type { Core, ElementDefinition as CyElement, StylesheetJson } from "cytoscape";
import type { ElementDefinition } from "./network-style.ts";
import { NETWORK_STYLE } from "./network-style.ts";

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
          layout: { name: "circle", startAngle: -Math.PI / 2, padding: 40, avoidOverlap: true },
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
        observer = new ResizeObserver(() => {
          instance.resize();
          instance.fit(undefined, 40);
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
