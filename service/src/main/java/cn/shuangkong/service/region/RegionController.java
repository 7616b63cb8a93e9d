package cn.shuangkong.service.region;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.shuangkong.service.api.RegionsApi;
import cn.shuangkong.service.api.model.Region;
import cn.shuangkong.service.web.ApiException;

@RestController
class RegionController implements RegionsApi {

    private final RegionDirectory regions;

    RegionController(RegionDirectory regions) {
        this.regions = regions;
    }

    @Override
    public ResponseEntity<Region> getRegion(String code) {
        return ResponseEntity.ok(regions.find(code).map(this::toApi).orElseThrow(() -> ApiException.notFound("行政区划 " + code)));
    }

    @Override
    public ResponseEntity<List<Region>> listRegionChildren(String code) {
        if (!regions.exists(code)) {
            throw ApiException.notFound("行政区划 " + code);
        }
        return ResponseEntity.ok(regions.children(code).stream().map(this::toApi).toList());
    }

    private Region toApi(RegionEntry r) {
        return new Region(r.code(), r.name(), regions.fullName(r.code()), r.level(), RegionEntry.label(r.level()))
                .parentCode(r.parentCode());
    }
}
