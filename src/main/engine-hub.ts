/**
 * The glue between the engine supervisor and the broker, as main runs it: a `ready` engine takes
 * connections (tagged with its generation), anything else makes them wait, and every status change
 * goes to the renderers exactly once (never echoed per connect, which made each renderer reconnect
 * several times per crash). Pure, so the renderer's reconnect logic is tested against it for real.
 */
import type { SupervisedProcess, Supervisor, SupervisorStatus } from '../engine/hosts/supervisor'
import type { EngineStatus } from '../preload/desktop-api'
import type { EngineBroker, EngineEndpoint } from './engine-broker'

export function toEngineStatus(s: SupervisorStatus): EngineStatus {
  return {
    state: s.state,
    message: s.message,
    ...(s.code ? { code: s.code, params: s.params ?? {} } : {}),
    starts: s.starts,
    restartInMs: s.restartInMs
  }
}

export function wireEngine<P extends SupervisedProcess, Port>(
  supervisor: Supervisor<P>,
  broker: EngineBroker<Port>,
  endpointOf: (process: P) => EngineEndpoint<Port>,
  broadcast: (status: EngineStatus) => void
): () => void {
  return supervisor.onStatus((status, proc) => {
    if (status.state === 'ready' && proc) broker.engineReady(endpointOf(proc), status.starts)
    else broker.engineGone()
    broadcast(toEngineStatus(status))
  })
}
