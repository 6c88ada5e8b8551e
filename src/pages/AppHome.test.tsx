import { AppRootProps } from '@grafana/data';
import { BackendSrv, DataSourceSrv, setBackendSrv, setDataSourceSrv } from '@grafana/runtime';
import { render, screen, within } from '@testing-library/react';
import React from 'react';
import { of, throwError } from 'rxjs';

import { AppHome } from './AppHome';

const fetch = jest.fn();
const getList = jest.fn();

beforeAll(() => {
  setBackendSrv({ fetch } as unknown as BackendSrv);
  setDataSourceSrv({ getList } as unknown as DataSourceSrv);
});

beforeEach(() => {
  fetch.mockReset();
  getList.mockReset();
});

const importedDashboards = [
  {
    title: 'Service overview',
    description: 'CPU, memory and goroutines of one service, and its flame graph.',
    imported: true,
    importedUrl: '/d/embers-service-overview/service-overview',
  },
  { title: 'Compare profiles', imported: false },
];

function renderHome() {
  return render(<AppHome {...({} as AppRootProps)} />);
}

const link = (name: string | RegExp) => screen.getByRole('link', { name });

describe('AppHome', () => {
  it('lists the configured data sources with links to their settings and to Explore', async () => {
    getList.mockReturnValue([{ uid: 'pyro-prod', name: 'Pyroscope prod' }]);
    fetch.mockReturnValue(of({ data: importedDashboards }));
    renderHome();

    expect(getList).toHaveBeenCalledWith({ pluginId: 'embers-pyroscope-datasource' });
    const list = screen.getByRole('list', { name: 'Configured data sources' });
    expect(within(list).getByRole('link', { name: 'Pyroscope prod' })).toHaveAttribute(
      'href',
      '/connections/datasources/edit/pyro-prod'
    );
    const explore = new URL(within(list).getByRole('link', { name: 'Explore' }).getAttribute('href')!, 'http://g');
    expect(explore.pathname).toBe('/explore');
    const pane = JSON.parse(explore.searchParams.get('panes')!).embers;
    expect(pane.datasource).toBe('pyro-prod');
    expect(pane.queries[0].datasource).toEqual({ type: 'embers-pyroscope-datasource', uid: 'pyro-prod' });
    expect(link('Add an Embers Pyroscope data source')).toHaveAttribute(
      'href',
      '/connections/datasources/embers-pyroscope-datasource'
    );
    await screen.findByRole('list', { name: 'Bundled dashboards' });
  });

  it('says how to set up the data source when there is none yet', async () => {
    getList.mockReturnValue([]);
    fetch.mockReturnValue(of({ data: importedDashboards }));
    renderHome();

    expect(screen.getByText('No Embers Pyroscope data source yet')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Configured data sources' })).not.toBeInTheDocument();
    expect(link('Add an Embers Pyroscope data source')).toHaveAttribute(
      'href',
      '/connections/datasources/embers-pyroscope-datasource'
    );
    await screen.findByRole('list', { name: 'Bundled dashboards' });
  });

  it('links each imported dashboard and marks the ones not imported yet', async () => {
    getList.mockReturnValue([]);
    fetch.mockReturnValue(of({ data: importedDashboards }));
    renderHome();

    const list = await screen.findByRole('list', { name: 'Bundled dashboards' });
    expect(fetch).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/plugins/embers-profiling-app/dashboards' })
    );
    expect(within(list).getByRole('link', { name: 'Service overview' })).toHaveAttribute(
      'href',
      '/d/embers-service-overview/service-overview'
    );
    expect(within(list).queryByRole('link', { name: 'Compare profiles' })).not.toBeInTheDocument();
    expect(
      within(list)
        .getByText(/Compare profiles/)
        .closest('li')
    ).toHaveTextContent('Compare profiles (not imported yet)');
    expect(link('Manage the bundled dashboards')).toHaveAttribute(
      'href',
      '/plugins/embers-profiling-app?page=dashboards'
    );
  });

  it('names the panel and links to its plugin page', async () => {
    getList.mockReturnValue([]);
    fetch.mockReturnValue(of({ data: [] }));
    renderHome();

    expect(screen.getByRole('region', { name: 'Embers Flame Graph panel' })).toBeInTheDocument();
    expect(link('About the panel')).toHaveAttribute('href', '/plugins/embers-flamegraph-panel');
    expect(link('About the data source')).toHaveAttribute('href', '/plugins/embers-pyroscope-datasource');
    await screen.findByRole('list', { name: 'Bundled dashboards' });
  });

  it('keeps the page when the dashboard list cannot be read', async () => {
    getList.mockReturnValue([]);
    fetch.mockReturnValue(throwError(() => ({ status: 403, data: { message: 'Permission denied' } })));
    renderHome();

    expect(await screen.findByText('Could not list the bundled dashboards')).toBeInTheDocument();
    expect(link('Manage the bundled dashboards')).toBeInTheDocument();
    expect(link('Add an Embers Pyroscope data source')).toBeInTheDocument();
  });
});
