package com.starcert.outlet.network;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.outlet.infra.CorrelationId;

@RestController
@RequestMapping("/api/enterprises/{enterpriseId}/outlets")
class OutletController {

    static final String TOTAL_COUNT = "X-Total-Count";

    private final OutletNetwork network;

    OutletController(OutletNetwork network) {
        this.network = network;
    }

    @PostMapping
    ResponseEntity<OutletView> register(@PathVariable String enterpriseId, @RequestBody OutletForm form,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId) {
        Outlet outlet = network.register(enterpriseId, form, CorrelationId.from(correlationId));
        return ResponseEntity.created(URI.create("/api/enterprises/" + enterpriseId + "/outlets/" + outlet.id()))
                .body(OutletView.of(outlet));
    }

    @GetMapping
    ResponseEntity<List<OutletView>> list(@PathVariable String enterpriseId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        OutletNetwork.Listing listing = network.list(enterpriseId, kind, status, province, page, size);
        return ResponseEntity.ok()
                .header(TOTAL_COUNT, String.valueOf(listing.total()))
                .body(listing.outlets().stream().map(OutletView::of).toList());
    }

    @GetMapping("/{outletId}")
    OutletView get(@PathVariable String enterpriseId, @PathVariable String outletId) {
        return OutletView.of(network.get(enterpriseId, outletId));
    }

    @PostMapping("/{outletId}/status")
    OutletView changeStatus(@PathVariable String enterpriseId, @PathVariable String outletId,
            @RequestBody StatusChangeForm form,
            @RequestHeader(name = CorrelationId.HEADER, required = false) String correlationId) {
        return OutletView.of(network.changeStatus(enterpriseId, outletId, form, CorrelationId.from(correlationId)));
    }
}
