package com.starcert.certificate.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HolderNameKeysTest {

    @Test
    void aNameIsKeyedByItsCharactersAndNeighbouringPairs() {
        assertThat(HolderNameKeys.of("华东家电")).containsExactly("华", "东", "家", "电", "华东", "东家", "家电");
    }

    @Test
    void everyPartOfANameFindsIt() {
        String name = "华东家电售后服务有限公司 East China Appliance Service Co.";
        var keys = HolderNameKeys.of(name);
        for (String part : new String[] {"华东", "售后服务", "公司", "east china", "ＥＡＳＴ", "司", "appliance service"}) {
            assertThat(keys).as(part).containsAll(HolderNameKeys.wanted(part));
        }
        assertThat(keys).doesNotContainAnyElementsOf(HolderNameKeys.wanted("华西"));
    }

    @Test
    void spacesAndWidthDoNotMatter() {
        assertThat(HolderNameKeys.wanted("Ｅast　 C")).containsExactly("ea", "as", "st", "tc");
        assertThat(HolderNameKeys.wanted(" 华 ")).containsExactly("华");
        assertThat(HolderNameKeys.wanted("　")).isEmpty();
    }
}
