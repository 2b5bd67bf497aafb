/** @jest-environment jsdom */
import './support/jsdomPolyfills';
import * as React from 'react';
import { act, render } from '@testing-library/react';
import type { RegisterService } from '../../../src/app/registerService';
import type { DossierDetail } from '../../../src/webparts/dossierRegister/app/useDossierDetail';
import { useReviewFindings, type ReviewFindingsActions } from '../../../src/webparts/dossierRegister/app/useReviewFindings';
import { dossierUnderReview } from '../../ui/support/dossiers';
import { nl } from '../../ui/support/strings';

function harness(execute: jest.Mock, messages?: Record<string, { nl: string; en: string }>) {
  const service = { findingMessages: jest.fn().mockResolvedValue(messages), compareVersions: jest.fn().mockResolvedValue([]) } as unknown as RegisterService;
  const dossier = dossierUnderReview();
  const detail = {
    reference: dossier.reference, opened: { reference: dossier.reference, dossier, events: [], documents: [], versions: new Map() },
    setNotice: jest.fn(), reload: jest.fn().mockResolvedValue(undefined), showFailure: jest.fn()
  } as unknown as DossierDetail;
  const result: { current?: ReviewFindingsActions } = {};
  function Probe(): React.ReactElement {
    result.current = useReviewFindings(service, detail, execute, () => undefined, nl);
    return <></>;
  }
  return { service, detail, result, Probe };
}

describe('useReviewFindings (the panel\'s findings calls in the register host)', () => {
  it('reloads the dossier and says so when someone else changed the finding first', async () => {
    const execute = jest.fn().mockResolvedValue({ ok: false, kind: 'refused', errors: [{ code: 'dossier.error.findingChanged', params: { findingId: 'r1' } }] });
    const { detail, result, Probe } = harness(execute);
    await act(async () => { render(<Probe />); });
    let outcome: unknown;
    await act(async () => { outcome = await result.current!.changeStatus({ findingId: 'r1', status: 'resolved', expectedRevision: 2 }); });
    expect(execute).toHaveBeenCalledWith('VSA-2026-0001', { type: 'changeFindingStatus', findingId: 'r1', status: 'resolved', expectedRevision: 2 });
    expect(detail.setNotice).toHaveBeenCalledWith(nl.review.findingConflict);
    expect(detail.reload).toHaveBeenCalled();
    expect(outcome).toMatchObject({ ok: false, kind: 'refused' });
  });

  it('does not reload on another refusal', async () => {
    const execute = jest.fn().mockResolvedValue({ ok: false, kind: 'refused', errors: [{ code: 'dossier.error.waiverReasonRequired', params: {} }] });
    const { detail, result, Probe } = harness(execute);
    await act(async () => { render(<Probe />); });
    await act(async () => { await result.current!.changeStatus({ findingId: 'r1', status: 'waived', expectedRevision: 1 }); });
    expect(detail.reload).not.toHaveBeenCalled();
  });

  it('records a remark under a new id each time', async () => {
    const execute = jest.fn().mockResolvedValue({ ok: true });
    const { result, Probe } = harness(execute);
    await act(async () => { render(<Probe />); });
    const remark = { documentKind: 'aanvraagformulier' as const, fieldId: 'project.titel', text: 'Te vaag.', audience: 'requester' as const, severity: 'warning' as const };
    await act(async () => { await result.current!.record(remark); await result.current!.record(remark); });
    const ids = execute.mock.calls.map(([, command]) => command.findings[0].id);
    expect(execute.mock.calls[0][1]).toEqual({ type: 'recordFindings', findings: [{ id: ids[0], ...remark }] });
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('loads the forms engine\'s messages once a dossier is open', async () => {
    const { service, result, Probe } = harness(jest.fn(), { 'forms.check.required': { nl: 'x', en: 'y' } });
    await act(async () => { render(<Probe />); });
    expect(result.current!.messages).toEqual({ 'forms.check.required': { nl: 'x', en: 'y' } });
    expect(service.findingMessages).toHaveBeenCalledTimes(1);
  });
});
