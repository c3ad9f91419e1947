package com.starcert.outlet.network;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.outlet.infra.Actor;
import com.starcert.outlet.infra.CorrelationId;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;
import com.starcert.support.web.IfMatch;

/**
 * An enterprise's outlet network. CB staff read every network, an enterprise principal its own; the CB
 * administrator and the enterprise itself change it (AUDITOR and REVIEWER read only: 403). Another enterprise's
 * network answers 404 as an unknown enterprise does, before anything else is looked at.
 */
@RestController
class OutletController {

    static final String TOTAL_COUNT = "X-Total-Count";
    private static final String OUTLETS = "/api/enterprises/{enterpriseId}/outlets";

    private final OutletNetwork network;

    OutletController(OutletNetwork network) {
        this.network = network;
    }

    @PostMapping(OUTLETS)
    @RolesAllowed({Roles.CB_ADMIN, Roles.ENTERPRISE})
    ResponseEntity<OutletView> register(@PathVariable String enterpriseId, @RequestBody OutletForm form,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId, Caller caller) {
        caller.requireSees(enterpriseId, "enterprise", enterpriseId);
        Outlet outlet = network.register(enterpriseId, form, CorrelationId.from(correlationId));
        return ResponseEntity.created(URI.create("/api/enterprises/" + enterpriseId + "/outlets/" + outlet.id()))
                .eTag(IfMatch.etag(outlet.version()))
                .body(OutletView.of(outlet));
    }

    @GetMapping(OUTLETS)
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    ResponseEntity<List<OutletView>> list(@PathVariable String enterpriseId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) String responseWithinHours,
            @RequestParam(required = false) String onSiteWithinHours,
            @RequestParam(required = false) String resolutionWithinHours,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            HttpServletRequest request, Caller caller) {
        caller.requireSees(enterpriseId, "enterprise", enterpriseId);
        // read as sent: Spring would split "name,asc" into two values
        String[] sorts = request.getParameterValues("sort");
        List<String> sort = sorts == null ? null : List.of(sorts);
        OutletNetwork.Listing listing = network.list(enterpriseId, new OutletQuery.Params(kind, status, province,
                city, responseWithinHours, onSiteWithinHours, resolutionWithinHours, page, size, sort));
        return ResponseEntity.ok()
                .header(TOTAL_COUNT, String.valueOf(listing.total()))
                .body(listing.outlets().stream().map(OutletView::of).toList());
    }

    @GetMapping(OUTLETS + "/{outletId}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    ResponseEntity<OutletView> get(@PathVariable String enterpriseId, @PathVariable String outletId,
            Caller caller) {
        caller.requireSees(enterpriseId, "enterprise", enterpriseId);
        Outlet outlet = network.get(enterpriseId, outletId);
        return ResponseEntity.ok().eTag(IfMatch.etag(outlet.version())).body(OutletView.of(outlet));
    }

    /** Replaces the editable profile; {@code If-Match} with the ETag read is required (428 without, 412 stale). */
    @PutMapping(OUTLETS + "/{outletId}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.ENTERPRISE})
    ResponseEntity<OutletView> update(@PathVariable String enterpriseId, @PathVariable String outletId,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @RequestBody OutletForm form,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId, Caller caller) {
        caller.requireSees(enterpriseId, "enterprise", enterpriseId);
        Outlet outlet = network.update(enterpriseId, outletId, ifMatch, form, CorrelationId.from(correlationId));
        return ResponseEntity.ok().eTag(IfMatch.etag(outlet.version())).body(OutletView.of(outlet));
    }

    /** {@code If-Match} is checked when sent (412 stale), and may be left out. The change records who made it. */
    @PostMapping(OUTLETS + "/{outletId}/status")
    @RolesAllowed({Roles.CB_ADMIN, Roles.ENTERPRISE})
    ResponseEntity<OutletView> changeStatus(@PathVariable String enterpriseId, @PathVariable String outletId,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @RequestBody StatusChangeForm form,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId, Caller caller) {
        caller.requireSees(enterpriseId, "enterprise", enterpriseId);
        Outlet outlet = network.changeStatus(enterpriseId, outletId, ifMatch, form, Actor.of(caller),
                CorrelationId.from(correlationId));
        return ResponseEntity.ok().eTag(IfMatch.etag(outlet.version())).body(OutletView.of(outlet));
    }

    /** Active outlets per province with the best commitments there (the evidence a tender asks for). */
    @GetMapping("/api/enterprises/{enterpriseId}/coverage")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    List<ProvinceCoverage> coverage(@PathVariable String enterpriseId,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String responseWithinHours,
            @RequestParam(required = false) String onSiteWithinHours,
            @RequestParam(required = false) String resolutionWithinHours, Caller caller) {
        caller.requireSees(enterpriseId, "enterprise", enterpriseId);
        return network.coverage(enterpriseId, OutletQuery.Params.coverage(province, kind, responseWithinHours,
                onSiteWithinHours, resolutionWithinHours));
    }
}
