import { css } from '@emotion/css';
import { AppRootProps, GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, LinkButton, Stack, useStyles2 } from '@grafana/ui';
import React, { useEffect, useState } from 'react';

import {
  BundledDashboard,
  bundledDashboards,
  configuredDatasources,
  DATASOURCE_TYPE,
  links,
  PANEL_TYPE,
} from './appContents';

type DashboardsState =
  { status: 'loading' } | { status: 'loaded'; dashboards: BundledDashboard[] } | { status: 'error' };

/** The app's landing page: what the package holds, with links to each part and to the data source setup. */
export function AppHome(_props: AppRootProps) {
  const styles = useStyles2(getStyles);
  return (
    <PluginPage>
      <p className={styles.lead}>
        Embers brings continuous profiling on Pyroscope to Grafana: a data source, a flame graph panel and two
        dashboards, installed together by this app.
      </p>
      <div className={styles.sections}>
        <DatasourceSection />
        <PanelSection />
        <DashboardsSection />
      </div>
    </PluginPage>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const styles = useStyles2(getStyles);
  return (
    <section className={styles.section} aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** A link inside Grafana (Grafana routes in-app anchors itself). */
function InLink({ href, children }: { href: string; children: React.ReactNode }) {
  const styles = useStyles2(getStyles);
  return (
    <a className={styles.link} href={href}>
      {children}
    </a>
  );
}

function DatasourceSection() {
  const datasources = configuredDatasources();
  return (
    <Section title="Embers Pyroscope data source">
      <p>
        Queries Pyroscope by profile type and label selector through a Go backend: flame graphs, time series of samples
        and diffs, with label autocomplete in the editor. Metrics queries work in alert rules.
      </p>
      {datasources.length === 0 ? (
        <Alert severity="info" title="No Embers Pyroscope data source yet">
          Add one with the URL of your Pyroscope server (for example http://pyroscope:4040), a tenant ID if it is
          multi-tenant, and its credentials; then press Save &amp; test.
        </Alert>
      ) : (
        <ul aria-label="Configured data sources">
          {datasources.map((ds) => (
            <li key={ds.uid}>
              <InLink href={links.editDatasource(ds.uid)}>{ds.name}</InLink> ·{' '}
              <InLink href={links.explore(ds.uid)}>Explore</InLink>
            </li>
          ))}
        </ul>
      )}
      <Stack gap={1}>
        <LinkButton
          href={links.datasourceType}
          icon="plus"
          variant={datasources.length === 0 ? 'primary' : 'secondary'}
        >
          Add an Embers Pyroscope data source
        </LinkButton>
        <LinkButton href={links.plugin(DATASOURCE_TYPE)} variant="secondary" fill="outline">
          About the data source
        </LinkButton>
      </Stack>
    </Section>
  );
}

function PanelSection() {
  return (
    <Section title="Embers Flame Graph panel">
      <p>
        A flame graph that stays fast on profiles with a million nodes: focus, search, a sandwich view of one function,
        diff colours, a top-functions table and exports. Pick <em>Embers Flame Graph</em> as the visualization of a
        panel whose query is a Profile or Diff query.
      </p>
      <Stack gap={1}>
        <LinkButton href={links.newDashboard} icon="apps" variant="secondary">
          New dashboard
        </LinkButton>
        <LinkButton href={links.plugin(PANEL_TYPE)} variant="secondary" fill="outline">
          About the panel
        </LinkButton>
      </Stack>
    </Section>
  );
}

function DashboardsSection() {
  const [state, setState] = useState<DashboardsState>({ status: 'loading' });
  useEffect(() => {
    let active = true;
    bundledDashboards().then(
      (dashboards) => active && setState({ status: 'loaded', dashboards }),
      () => active && setState({ status: 'error' })
    );
    return () => {
      active = false;
    };
  }, []);

  return (
    <Section title="Dashboards">
      <p>Grafana imports these when the app is enabled; each picks its data source through a variable.</p>
      {state.status === 'loading' && <p>Loading the bundled dashboards…</p>}
      {state.status === 'error' && (
        <Alert severity="warning" title="Could not list the bundled dashboards">
          Open the app&apos;s Dashboards tab to see and import them.
        </Alert>
      )}
      {state.status === 'loaded' && (
        <ul aria-label="Bundled dashboards">
          {state.dashboards.map((d) => (
            <li key={d.title}>
              {d.imported && d.importedUrl ? <InLink href={d.importedUrl}>{d.title}</InLink> : <span>{d.title}</span>}
              {d.imported ? '' : ' (not imported yet)'}
              {d.description ? ` — ${d.description}` : ''}
            </li>
          ))}
        </ul>
      )}
      <LinkButton href={links.appDashboards} variant="secondary" fill="outline">
        Manage the bundled dashboards
      </LinkButton>
    </Section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  lead: css({ maxWidth: 900 }),
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
  sections: css({
    display: 'grid',
    gap: theme.spacing(2),
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
  }),
  section: css({
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
  }),
});
