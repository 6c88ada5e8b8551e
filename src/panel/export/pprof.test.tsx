import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackendSrv, setBackendSrv } from '@grafana/runtime';
import { of, throwError } from 'rxjs';

import { flameFrame, SMALL_PROFILE } from '../__fixtures__/frames';
import { ExportMenu } from '../components/ExportMenu';
import { readFlameFrame } from '../../shared/readFlameFrame';
import { downloadBlob } from './download';
import { fileNameFrom, pprofSourceOf } from './pprof';

jest.mock('./download', () => ({ ...jest.requireActual('./download'), downloadBlob: jest.fn() }));

const fetch = jest.fn();
beforeAll(() => setBackendSrv({ fetch } as unknown as BackendSrv));
beforeEach(() => {
  fetch.mockReset();
  (downloadBlob as jest.Mock).mockReset();
});

const SOURCE = {
  datasourceUid: 'embers-uid',
  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  labelSelector: '{service_name="checkout"}',
  from: 1796146980000,
  to: 1796147520000,
};

function embersFrame() {
  const frame = flameFrame(SMALL_PROFILE);
  frame.meta = { ...frame.meta, custom: { pprof: SOURCE } };
  return frame;
}

function renderMenu(frame = embersFrame()) {
  const onError = jest.fn();
  const columns = readFlameFrame(frame);
  if ('error' in columns) {
    throw new Error(columns.error);
  }
  render(<ExportMenu columns={columns} frame={frame} prepareSvg={() => null} fileName="Flame_graph" onError={onError} />);
  return { onError, user: userEvent.setup({ delay: null }) };
}

describe('pprof export', () => {
  it('downloads the backend merged profile under the name the backend gave it', async () => {
    const blob = new Blob([new Uint8Array([0x1f, 0x8b])]);
    fetch.mockReturnValue(
      of({
        data: blob,
        headers: new Headers({
          'Content-Disposition': 'attachment; filename="checkout_process_cpu-cpu_20261201-174300.pb.gz"',
        }),
      })
    );
    const { user, onError } = renderMenu();
    await user.click(screen.getByLabelText('Export'));
    await user.click(await screen.findByText('pprof profile'));
    await waitFor(() =>
      expect(downloadBlob).toHaveBeenCalledWith(blob, 'checkout_process_cpu-cpu_20261201-174300.pb.gz')
    );
    expect(fetch).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/datasources/uid/embers-uid/resources/pprof',
        params: {
          profileTypeId: SOURCE.profileTypeId,
          selector: SOURCE.labelSelector,
          from: '1796146980000',
          to: '1796147520000',
        },
        responseType: 'blob',
      })
    );
    expect(onError).not.toHaveBeenCalled();
  });

  it("shows the backend's own message when it refuses", async () => {
    const body = new Blob([JSON.stringify({ error: 'profile type "cpu" must look like name:sample_type' })]);
    fetch.mockReturnValue(throwError(() => ({ status: 400, data: body })));
    const { user, onError } = renderMenu();
    await user.click(screen.getByLabelText('Export'));
    await user.click(await screen.findByText('pprof profile'));
    await waitFor(() =>
      expect(onError).toHaveBeenCalledWith(
        'The pprof file could not be made: profile type "cpu" must look like name:sample_type'
      )
    );
    expect(downloadBlob).not.toHaveBeenCalled();
  });

  it('is not offered for frames from other data sources', async () => {
    const { user } = renderMenu(flameFrame(SMALL_PROFILE));
    await user.click(screen.getByLabelText('Export'));
    expect(await screen.findByText('Folded stacks')).toBeInTheDocument();
    expect(screen.queryByText('pprof profile')).not.toBeInTheDocument();
  });

  it('reads only a complete source, and only a plain file name', () => {
    expect(pprofSourceOf(embersFrame())).toEqual(SOURCE);
    const partial = flameFrame(SMALL_PROFILE);
    partial.meta = { custom: { pprof: { ...SOURCE, datasourceUid: '' } } };
    expect(pprofSourceOf(partial)).toBeUndefined();
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'x.pb.gz')).toBe('x.pb.gz');
    expect(fileNameFrom(null, 'x.pb.gz')).toBe('x.pb.gz');
  });
});
