import { AppPlugin } from '@grafana/data';

import { AppHome } from './pages/AppHome';

export const plugin = new AppPlugin<{}>().setRootPage(AppHome);
