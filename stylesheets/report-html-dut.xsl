<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-dut.xsl: section 2 of the HTML report, device, release and
  parties (product facts).

  The DUT (d:dut: designation, manufacturer, versions, description,
  resource constraint), the release (d:header/d:release), the editions and
  the public statement (d:header/d:public-statement, mode
  dut-statement-row); one row per party (d:header/d:parties/d:party, mode
  dut-party-row), per owner (d:header/d:owners/d:owner, mode
  dut-owner-row) and per associated service (d:dut/d:services/d:service,
  mode dut-service-row).

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-dut; to change the
  section, redefine that template or one of its template rules in a
  stylesheet that imports report-html.xsl (docs/reports.md).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    xmlns:r="urn:libetsi:results:1"
    xmlns:c="urn:libetsi:catalog:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="rp d r c exsl str">

  <xsl:template name="sec-dut">
    <xsl:variable name="dut" select="$D/d:dut"/>
    <xsl:variable name="rc" select="$dut/d:resource-constraint"/>
    <section class="sec" id="s-dut">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">2</xsl:with-param>
        <xsl:with-param name="title">Device, release and parties</xsl:with-param>
        <xsl:with-param name="layer">facts</xsl:with-param>
      </xsl:call-template>
      <p class="lede">The device under test (DUT) and the release this evidence is for. Both layers refer to these facts; the parties (supplier organization and test laboratory) are the TS 103 701 roles, the owners are the people who answer for the dossier.</p>
      <table class="kv">
        <tbody>
          <tr>
            <th scope="row">Model designation</th>
            <td>
              <xsl:call-template name="or-missing">
                <xsl:with-param name="v" select="$dut/d:model-designation"/>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">Manufacturer</th>
            <td>
              <xsl:call-template name="or-missing">
                <xsl:with-param name="v" select="$dut/d:manufacturer"/>
              </xsl:call-template>
            </td>
          </tr>
          <tr>
            <th scope="row">Hardware / software version</th>
            <td>
              <xsl:call-template name="or-missing">
                <xsl:with-param name="v" select="$dut/d:hardware-version"/>
              </xsl:call-template>
              <xsl:text> / </xsl:text>
              <xsl:call-template name="or-missing">
                <xsl:with-param name="v" select="$dut/d:software-version"/>
              </xsl:call-template>
            </td>
          </tr>
          <xsl:if test="$dut/d:description">
            <tr>
              <th scope="row">Description</th>
              <td>
                <xsl:call-template name="paragraphs">
                  <xsl:with-param name="text" select="$dut/d:description"/>
                </xsl:call-template>
              </td>
            </tr>
          </xsl:if>
          <tr>
            <th scope="row">Constrained device</th>
            <td>
              <xsl:choose>
                <xsl:when test="not($rc)">
                  <span class="missing">position not stated</span>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:choose>
                    <xsl:when test="$rc/@constrained = 'true'">
                      <span class="b b-neutral">constrained</span>
                    </xsl:when>
                    <xsl:otherwise>
                      <span class="b b-neutral">not constrained</span>
                    </xsl:otherwise>
                  </xsl:choose>
                  <xsl:text> </xsl:text>
                  <xsl:choose>
                    <xsl:when test="$rc/@prevents-update-mechanism = 'true'">
                      <span class="b b-no">a constraint prevents an update mechanism</span>
                    </xsl:when>
                    <xsl:when test="$rc/@prevents-update-mechanism = 'false'">
                      <span class="b b-yes">no constraint prevents an update mechanism</span>
                    </xsl:when>
                  </xsl:choose>
                  <xsl:if test="$rc/d:rationale">
                    <div class="small" style="margin-top:4px">
                      <xsl:value-of select="$rc/d:rationale"/>
                    </div>
                  </xsl:if>
                </xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
          <tr>
            <th scope="row">Release</th>
            <td>
              <strong>
                <xsl:value-of select="$D/d:header/d:release/@version"/>
              </strong>
              <xsl:if test="$D/d:header/d:release/@date">
                <xsl:text>, released </xsl:text>
                <xsl:value-of select="$D/d:header/d:release/@date"/>
              </xsl:if>
              <xsl:if test="$D/d:header/d:release/@previous">
                <xsl:text>; replaces </xsl:text>
                <xsl:value-of select="$D/d:header/d:release/@previous"/>
              </xsl:if>
              <xsl:if test="$D/d:header/d:release/d:scope">
                <div class="small" style="margin-top:4px">
                  <xsl:value-of select="$D/d:header/d:release/d:scope"/>
                </div>
              </xsl:if>
            </td>
          </tr>
          <tr>
            <th scope="row">Editions</th>
            <td>
              <xsl:call-template name="edition-en"/>
              <xsl:text> (requirement layer) &#xB7; </xsl:text>
              <xsl:call-template name="edition-ts"/>
              <xsl:text> (assessment layer)</xsl:text>
            </td>
          </tr>
          <xsl:apply-templates select="$D/d:header/d:public-statement" mode="dut-statement-row"/>
        </tbody>
      </table>

      <div class="two">
        <div>
          <h3>Parties</h3>
          <xsl:choose>
            <xsl:when test="$D/d:header/d:parties/d:party">
              <table class="t">
                <thead>
                  <tr>
                    <th>Role</th>
                    <th>Name</th>
                    <th>Contact, accreditation</th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:apply-templates select="$D/d:header/d:parties/d:party" mode="dut-party-row"/>
                </tbody>
              </table>
            </xsl:when>
            <xsl:otherwise>
              <p class="empty">No parties are named.</p>
            </xsl:otherwise>
          </xsl:choose>
        </div>
        <div>
          <h3>Owners</h3>
          <xsl:choose>
            <xsl:when test="$D/d:header/d:owners/d:owner">
              <table class="t">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Role</th>
                    <th>Contact</th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:apply-templates select="$D/d:header/d:owners/d:owner" mode="dut-owner-row"/>
                </tbody>
              </table>
            </xsl:when>
            <xsl:otherwise>
              <p class="empty">No owners are named.</p>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </div>

      <xsl:if test="$dut/d:services/d:service">
        <h3>Associated services</h3>
        <table class="t">
          <thead>
            <tr>
              <th class="id">Service</th>
              <th>Kind</th>
              <th>Name</th>
              <th>Description</th>
            </tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="$dut/d:services/d:service" mode="dut-service-row"/>
          </tbody>
        </table>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The public statement, when the dossier has one. -->
  <xsl:template match="d:public-statement" mode="dut-statement-row">
    <tr>
      <th scope="row">Public statement</th>
      <td>
        <xsl:choose>
          <xsl:when test="@conformance = 'true'">
            <span class="b b-yes">conformance stated</span>
          </xsl:when>
          <xsl:otherwise>
            <span class="b b-neutral">no conformance claim</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@date">
          <xsl:text> </xsl:text>
          <xsl:value-of select="@date"/>
        </xsl:if>
        <xsl:if test="@support-end">
          <xsl:text> &#xB7; support end stated: </xsl:text>
          <xsl:value-of select="@support-end"/>
        </xsl:if>
        <xsl:if test="@url">
          <xsl:text> &#xB7; </xsl:text>
          <xsl:call-template name="link">
            <xsl:with-param name="url" select="@url"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="normalize-space(.) != ''">
          <div class="small" style="margin-top:4px">
            <xsl:value-of select="normalize-space(.)"/>
          </div>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- One row per party (SO, TL). -->
  <xsl:template match="d:party" mode="dut-party-row">
    <tr>
      <td class="id">
        <xsl:value-of select="@role"/>
        <span class="sub-id mono">
          <xsl:value-of select="@id"/>
        </span>
      </td>
      <td>
        <xsl:value-of select="d:name"/>
      </td>
      <td class="small">
        <xsl:value-of select="d:contact"/>
        <xsl:if test="d:accreditation">
          <div class="muted">
            <xsl:value-of select="d:accreditation"/>
          </div>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- One row per owner. -->
  <xsl:template match="d:owner" mode="dut-owner-row">
    <tr>
      <td>
        <xsl:value-of select="d:name"/>
        <span class="sub-id mono">
          <xsl:value-of select="@id"/>
        </span>
      </td>
      <td>
        <xsl:value-of select="@role"/>
        <xsl:if test="@party">
          <span class="sub-id">
            <xsl:value-of select="key('party', @party)/d:name"/>
          </span>
        </xsl:if>
      </td>
      <td class="small">
        <xsl:value-of select="d:email"/>
      </td>
    </tr>
  </xsl:template>

  <!-- One row per associated service. -->
  <xsl:template match="d:service" mode="dut-service-row">
    <tr id="svc-{@id}">
      <td class="id mono">
        <xsl:value-of select="@id"/>
      </td>
      <td class="nowrap">
        <xsl:value-of select="translate(@kind, '-', ' ')"/>
      </td>
      <td>
        <xsl:value-of select="d:name"/>
      </td>
      <td class="small">
        <xsl:value-of select="d:description"/>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
