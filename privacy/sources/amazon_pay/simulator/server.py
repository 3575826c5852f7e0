"""A local Amazon Pay API v2 over real HTTP: signature checks, consistent answers, injectable faults.

    with AmazonPaySimulator(public_keys={key_id: public_key}) as simulator:
        simulator.state.add(SimChargePermission(...))
        simulator.faults.add(FaultRule("throttle", count=2))
        ... point a client at simulator.base_url ...

Admin endpoints (unsigned, bind to loopback only):
  GET /__simulator/state · GET /__simulator/calls · POST|DELETE /__simulator/faults ·
  POST /__simulator/buyer-tokens {"buyerId": …}
"""

import contextlib
import json
import re
import socket
import struct
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

from django.utils import timezone

from privacy.sources.amazon_pay.simulator.auth import IDEMPOTENCY_HEADER, Rejected, SignatureChecker
from privacy.sources.amazon_pay.simulator.faults import FAULT_ANSWERS, FAULT_KINDS, FaultBook, FaultRule
from privacy.sources.amazon_pay.simulator.state import NotFound, SimulatorState

ADMIN_PREFIX = "/__simulator/"
ROUTES = [
    ("GET", re.compile(r"^buyers/(?P<ref>[^/]+)$"), "buyer_get"),
    ("GET", re.compile(r"^chargePermissions/(?P<ref>[^/]+)$"), "charge_permission_get"),
    ("DELETE", re.compile(r"^chargePermissions/(?P<ref>[^/]+)/close$"), "charge_permission_close"),
    ("GET", re.compile(r"^charges/(?P<ref>[^/]+)$"), "charge_get"),
    ("GET", re.compile(r"^refunds/(?P<ref>[^/]+)$"), "refund_get"),
]
NOT_FOUND = {"reasonCode": "ResourceNotFound", "message": "The requested resource was not found."}
CLOSE_FIELDS = {"closureReason", "cancelPendingCharges"}


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    operation: str | None
    status: int | None  # None when the connection was reset
    fault: str | None
    idempotency_key: str | None


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict
    operation: str | None = None
    fault: FaultRule | None = None


class _Reset(Exception):
    pass


def _problem(status: int, reason_code: str, message: str) -> tuple[int, dict]:
    return status, {"reasonCode": reason_code, "message": message}


def _route(method: str, resource: str) -> tuple[str, str] | None:
    """Return (operation, reference) for an API resource path, or None when unsupported."""
    for verb, pattern, operation in ROUTES:
        match = pattern.match(resource)
        if verb == method and match:
            return operation, unquote(match["ref"])
    return None


class AmazonPaySimulator:
    def __init__(
        self,
        *,
        public_keys: Mapping,
        state: SimulatorState | None = None,
        address: tuple[str, int] = ("127.0.0.1", 0),
        regions: Iterable[str] = ("na", "eu", "jp"),
        faults: Iterable[FaultRule] = (),
        now: Callable[[], datetime] = timezone.now,
    ):
        self.state = state or SimulatorState(now=now)
        self.faults = FaultBook(faults)
        self.calls: list[Call] = []
        self._server = _Server(address, _Handler)
        self._server.simulator = self
        host, port = self._server.server_address[:2]
        self.base_url = f"http://{host}:{port}"
        self.checker = SignatureChecker(public_keys=public_keys, hosts={host}, regions=regions, now=now)
        self.stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._calls_lock = threading.Lock()

    def start(self) -> "AmazonPaySimulator":
        self._thread = threading.Thread(target=self.serve_forever, name="amazon-pay-simulator", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.serve_forever(poll_interval=0.05)

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    def calls_for(self, operation: str) -> list[Call]:
        with self._calls_lock:
            return [call for call in self.calls if call.operation == operation]

    def record(self, call: Call) -> None:
        with self._calls_lock:
            self.calls.append(call)

    # The API ----------------------------------------------------------------------------

    def answer(self, *, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes) -> Outcome:
        try:
            accepted = self.checker.check(method=method, path=path, query=query, headers=headers, body=body)
        except Rejected as refusal:
            return Outcome(refusal.status, refusal.body())
        route = _route(method, accepted.resource)
        if route is None:
            return Outcome(*_problem(400, "InvalidRequest", f"{method} /v2/{accepted.resource} is not supported here."))
        operation, reference = route
        # A charge or refund id starts with its charge permission id: rules on a permission cover them.
        fault = self.faults.take(operation, (reference, "-".join(reference.split("-")[:3])))
        failing_status = FAULT_KINDS[fault.kind] if fault else None
        if failing_status:
            return Outcome(failing_status, FAULT_ANSWERS[failing_status], operation, fault)
        key = headers.get(IDEMPOTENCY_HEADER)
        run = partial(self._operation, operation, reference, accepted.environment, body)
        status, payload = self.state.idempotent(key, f"{method} {path}\n".encode() + body, run) if key else run()
        return Outcome(status, payload, operation, fault)

    def _operation(self, operation: str, reference: str, environment: str, body: bytes) -> tuple[int, dict]:
        lookups = {
            "charge_permission_get": self.state.charge_permission_get,
            "charge_get": self.state.charge_get,
            "refund_get": self.state.refund_get,
        }
        try:
            if operation == "buyer_get":
                return 200, self.state.buyer_get(reference)
            if operation == "charge_permission_close":
                return self._close(reference, environment, body)
            return 200, lookups[operation](reference, environment=environment)
        except NotFound:
            return 404, NOT_FOUND

    def _close(self, reference: str, environment: str, body: bytes) -> tuple[int, dict]:
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            return _problem(400, "InvalidRequestFormat", "The request body is not valid JSON.")
        if not isinstance(data, dict):
            return _problem(400, "InvalidRequestFormat", "The request body must be a JSON object.")
        if unknown := sorted(set(data) - CLOSE_FIELDS):
            return _problem(400, "UnrecognizedField", f"Unrecognized fields: {', '.join(unknown)}.")
        reason, cancel = data.get("closureReason"), data.get("cancelPendingCharges", False)
        if reason is not None and (not isinstance(reason, str) or len(reason) > 255):
            return _problem(400, "InvalidParameterValue", "closureReason must be a string of at most 255 characters.")
        if not isinstance(cancel, bool):
            return _problem(400, "InvalidParameterValue", "cancelPendingCharges must be true or false.")
        return 200, self.state.charge_permission_close(
            reference, reason=reason, cancel_pending=cancel, environment=environment
        )

    # Admin ------------------------------------------------------------------------------

    def admin(self, method: str, path: str, body: bytes) -> tuple[int, dict]:
        endpoint = path.removeprefix(ADMIN_PREFIX).rstrip("/")
        try:
            data = json.loads(body) if body else {}
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return _problem(400, "InvalidRequestFormat", "The request body must be a JSON object.")
        match method, endpoint:
            case "GET", "state":
                return 200, {"references": self.state.counts(), "faults": self.faults.rules(), "calls": len(self.calls)}
            case "GET", "calls":
                with self._calls_lock:
                    return 200, {"calls": [asdict(call) for call in self.calls]}
            case "POST", "faults":
                try:
                    rule = FaultRule(**data)
                except (TypeError, ValueError) as error:
                    return _problem(400, "InvalidParameterValue", str(error))
                self.faults.add(rule)
                return 201, {"fault": rule.as_dict()}
            case "DELETE", "faults":
                self.faults.clear()
                return 200, {"faults": []}
            case "POST", "buyer-tokens":
                try:
                    return 201, {"buyerToken": self.state.buyer_token_issue(str(data.get("buyerId")))}
                except NotFound:
                    return 404, NOT_FOUND
        return _problem(404, "ResourceNotFound", f"No simulator admin endpoint {method} {path}.")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    simulator: AmazonPaySimulator

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # a client that gave up (time-out) or a reset we caused
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30
    server: _Server

    def setup(self):
        super().setup()
        # Headers and body leave in two writes; without this, Nagle + delayed ACK add ~40 ms per answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle(self):
        with contextlib.suppress(_Reset):
            super().handle()

    def do_GET(self):
        self._serve("GET")

    def do_POST(self):
        self._serve("POST")

    def do_DELETE(self):
        self._serve("DELETE")

    def do_PATCH(self):
        self._serve("PATCH")

    def log_message(self, format, *args):
        pass  # the simulator's call log replaces access logs (they would carry references)

    def _serve(self, method: str) -> None:
        simulator = self.server.simulator
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path, _, query = self.path.partition("?")
        if path.startswith(ADMIN_PREFIX):
            self._reply(*simulator.admin(method, path, body))
            return
        headers = {name.lower(): value for name, value in self.headers.items()}
        outcome = simulator.answer(method=method, path=path, query=query, headers=headers, body=body)
        fault = outcome.fault.kind if outcome.fault else None
        reset = fault == "reset"
        key = headers.get(IDEMPOTENCY_HEADER)
        simulator.record(Call(method, path, outcome.operation, None if reset else outcome.status, fault, key))
        if reset:
            self._reset()
        if fault == "slow":
            simulator.stopping.wait(outcome.fault.delay)
        payload = json.dumps(outcome.body).encode()
        self._reply(outcome.status, payload[: len(payload) // 2] if fault == "malformed" else payload)

    def _reply(self, status: int, body: dict | bytes) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amz-pay-request-id", str(uuid.uuid4()))
        self.end_headers()
        self.wfile.write(data)

    def _reset(self) -> None:
        """Drop the connection with a TCP RST and no answer, like a failing load balancer."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()
        self.wfile.close()
        self.connection.close()
        raise _Reset
