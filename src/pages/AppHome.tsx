import React from 'react';
import { AppRootProps } from '@grafana/data';

/** The app's landing page: what the package holds and where to start. */
export function AppHome(_props: AppRootProps) {
  return (
    <div>
      <h2>Embers Profiling</h2>
      <p>
        Add an <strong>Embers Pyroscope</strong> data source under Connections → Data sources, query profiles in
        Explore, or open the bundled dashboards.
      </p>
    </div>
  );
}
