<?xml version="1.0" encoding="UTF-8"?>
<!--
  public-html.xsl: the public summary (etsi report FILE - -format public).

  A short, self-contained HTML page a manufacturer can publish: the model,
  its support period and where that is published, how the product is
  updated (in plain language, from the update mechanisms), and the status
  of its EN 303 645 clause 5.3 assessment with its context.

  Its input is the redacted copy libetsi builds for this format (see
  public_keep[] in libetsi/src/report.c): no owners, no artifacts, no IXIT
  rows beyond 2-UserInfo, no ICS details, notes, indications or extension
  elements.  This stylesheet reads nothing else, and says "assessment in
  progress" unless the public statement states conformance (which libetsi
  refuses to publish unless the verdicts support it).

  A security property is stated only when the typed product facts record
  it, and in their strength: "verified by the device before installation"
  only when every update path records verification where=
  "device-before-install", never from an ICS "Y" or from prose.  A fact
  that is unknown, left out or weaker gives no sentence at all.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    xmlns:r="urn:libetsi:results:1"
    xmlns:c="urn:libetsi:catalog:1"
    exclude-result-prefixes="rp d r c">

  <xsl:include href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="D" select="/rp:report/d:dossier"/>
  <xsl:variable name="UI" select="$D/d:ixit/d:user-info"/>
  <xsl:variable name="PS" select="$D/d:header/d:public-statement"/>
  <xsl:variable name="TL" select="$D/d:header/d:parties/d:party[@role = 'TL'][1]"/>
  <xsl:variable name="EN" select="$D/d:header/d:editions/@en303645"/>
  <xsl:variable name="TS" select="$D/d:header/d:editions/@ts103701"/>
  <xsl:variable name="mechs" select="$D/d:update-boundary/d:mechanism[not(@implemented = 'false')]"/>
  <xsl:variable name="SP" select="$UI/d:support-period"/>
  <!-- properties every update path records, in the facts' own strength -->
  <xsl:variable name="all-verified-before-install" select="$mechs and not($mechs[not(d:verification/@where = 'device-before-install')])"/>
  <xsl:variable name="all-verified-at-boot" select="$mechs and not($mechs[not(d:verification/@where = 'device-at-boot')])"/>
  <xsl:variable name="all-refuse-rollback" select="$mechs and not($mechs[not(d:anti-rollback/@kind = 'version-check' or d:anti-rollback/@kind = 'hardware-counter')])"/>
  <xsl:variable name="automatic" select="$mechs[@automatic = 'true']"/>
  <xsl:variable name="all-automatic-on" select="$automatic and not($automatic[not(d:automation/@default = 'on')])"/>
  <xsl:variable name="conformance" select="$PS/@conformance = 'true'"/>
  <xsl:variable name="model">
    <xsl:choose>
      <xsl:when test="normalize-space($D/d:dut/d:model-designation) != ''">
        <xsl:value-of select="normalize-space($D/d:dut/d:model-designation)"/>
      </xsl:when>
      <xsl:otherwise>this product</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="maker" select="normalize-space($D/d:dut/d:manufacturer)"/>

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="{/rp:report/@generator}"/>
        <title>
          <xsl:value-of select="$model"/>
          <xsl:text>: security updates and EN 303 645 assessment</xsl:text>
        </title>
        <style>
          <xsl:call-template name="css"/>
          <xsl:text>
.sheet.pub { max-width: 880px; }
.pub .lead { font-size: 15px; color: var(--ink-2); margin: 6px 0 0; }
.pub .cards { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; margin: 22px 0 0; }
.pub .kpi .big { font-size: 18px; }
.pub section.sec { margin-top: 30px; break-before: auto; }
.pub .sec-h h2 { font-size: 17px; }
.pub ul.facts-list { margin: 6px 0 0; padding-left: 1.2em; }
.pub ul.facts-list li { margin: 2px 0; }
.pub blockquote { margin: 10px 0 0; padding: 8px 14px; border-left: 3px solid var(--line-2); color: var(--ink-2); background: var(--soft); }
.pub .status { display: flex; gap: 14px; align-items: flex-start; padding: 14px 16px; border: 1px solid var(--line); border-radius: 4px; background: var(--soft); }
.pub .status .mark { font-size: 26px; line-height: 1; }
.pub .status.ok { border-color: var(--pass-line); background: var(--pass-bg); }
.pub .status.ok .mark { color: var(--pass); }
.pub .status.open .mark { color: var(--nas); }
.pub .mech h3, .pub .props h3 { margin: 0 0 4px; font-size: 14.5px; }
.pub .props { border-left: 3px solid var(--pass-line); }
@media screen and (max-width: 900px) { .pub .cards { grid-template-columns: 1fr; } }
@media print { .pub section.sec { break-before: auto; margin-top: 18px; } }
</xsl:text>
        </style>
      </head>
      <body>
        <main class="sheet pub">
          <header class="masthead">
            <div>
              <div class="eyebrow">Security updates &#xB7; product information</div>
              <h1>
                <xsl:if test="$maker != ''">
                  <xsl:value-of select="$maker"/>
                  <xsl:text> </xsl:text>
                </xsl:if>
                <xsl:value-of select="$model"/>
              </h1>
              <p class="lead">
                <xsl:text>How </xsl:text>
                <xsl:value-of select="$model"/>
                <xsl:text> receives security updates, until when, and where its assessment against ETSI EN 303 645 (the European baseline for consumer IoT security, clause 5.3: keep software updated) stands.</xsl:text>
              </p>
            </div>
            <div class="stamp">
              <xsl:if test="$date != ''">
                <xsl:text>As of</xsl:text>
                <strong>
                  <xsl:call-template name="long-date">
                    <xsl:with-param name="iso" select="$date"/>
                  </xsl:call-template>
                </strong>
              </xsl:if>
              <xsl:if test="$D/d:header/d:release/@version">
                <xsl:text>Release </xsl:text>
                <xsl:value-of select="$D/d:header/d:release/@version"/>
              </xsl:if>
            </div>
          </header>

          <div class="cards">
            <div class="kpi k-pass">
              <div class="kh">Security updates until</div>
              <div class="big">
                <xsl:choose>
                  <xsl:when test="$SP/@stated = 'not-stated'">not stated</xsl:when>
                  <xsl:when test="$SP/@end">
                    <xsl:call-template name="long-date">
                      <xsl:with-param name="iso" select="$SP/@end"/>
                    </xsl:call-template>
                  </xsl:when>
                  <xsl:when test="$PS/@support-end">
                    <xsl:call-template name="long-date">
                      <xsl:with-param name="iso" select="$PS/@support-end"/>
                    </xsl:call-template>
                  </xsl:when>
                  <xsl:when test="$SP/@duration">
                    <xsl:text>for </xsl:text>
                    <xsl:call-template name="duration-words">
                      <xsl:with-param name="d" select="$SP/@duration"/>
                    </xsl:call-template>
                  </xsl:when>
                  <xsl:when test="normalize-space($SP) != ''">see below</xsl:when>
                  <xsl:otherwise>not stated</xsl:otherwise>
                </xsl:choose>
              </div>
              <div class="note">
                <xsl:text>the defined support period</xsl:text>
                <xsl:if test="$SP/@duration and not($SP/@stated = 'not-stated') and ($SP/@end or $PS/@support-end)">
                  <xsl:text> (</xsl:text>
                  <xsl:call-template name="duration-words">
                    <xsl:with-param name="d" select="$SP/@duration"/>
                  </xsl:call-template>
                  <xsl:text>)</xsl:text>
                </xsl:if>
              </div>
            </div>
            <div>
              <xsl:attribute name="class">
                <xsl:text>kpi </xsl:text>
                <xsl:choose>
                  <xsl:when test="$conformance">k-pass</xsl:when>
                  <xsl:otherwise>k-nas</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <div class="kh">EN 303 645 clause 5.3</div>
              <div class="big">
                <xsl:choose>
                  <xsl:when test="$conformance">Conformance stated</xsl:when>
                  <xsl:otherwise>Assessment in progress</xsl:otherwise>
                </xsl:choose>
              </div>
              <div class="note">
                <xsl:text>V</xsl:text>
                <xsl:value-of select="$EN"/>
                <xsl:text>, assessed following TS 103 701 V</xsl:text>
                <xsl:value-of select="$TS"/>
              </div>
            </div>
            <div class="kpi k-nas">
              <div class="kh">Update paths</div>
              <div class="big">
                <xsl:choose>
                  <xsl:when test="$mechs">
                    <xsl:value-of select="count($mechs)"/>
                  </xsl:when>
                  <xsl:otherwise>None</xsl:otherwise>
                </xsl:choose>
              </div>
              <div class="note">
                <xsl:choose>
                  <xsl:when test="$mechs">ways updates reach the product</xsl:when>
                  <xsl:otherwise>the software cannot be updated</xsl:otherwise>
                </xsl:choose>
              </div>
            </div>
          </div>

          <!-- the product -->
          <section class="sec">
            <div class="sec-h">
              <h2>The product</h2>
            </div>
            <table class="kv">
              <tbody>
                <tr>
                  <th scope="row">Model designation</th>
                  <td>
                    <strong>
                      <xsl:value-of select="$model"/>
                    </strong>
                    <xsl:if test="normalize-space($UI/d:model-designation) != ''">
                      <div class="small">
                        <xsl:value-of select="normalize-space($UI/d:model-designation)"/>
                      </div>
                    </xsl:if>
                  </td>
                </tr>
                <xsl:if test="$maker != ''">
                  <tr>
                    <th scope="row">Manufacturer</th>
                    <td>
                      <xsl:value-of select="$maker"/>
                    </td>
                  </tr>
                </xsl:if>
                <xsl:if test="$D/d:dut/d:hardware-version">
                  <tr>
                    <th scope="row">Hardware version</th>
                    <td>
                      <xsl:value-of select="$D/d:dut/d:hardware-version"/>
                    </td>
                  </tr>
                </xsl:if>
                <xsl:if test="$D/d:dut/d:software-version">
                  <tr>
                    <th scope="row">Software version</th>
                    <td>
                      <xsl:value-of select="$D/d:dut/d:software-version"/>
                    </td>
                  </tr>
                </xsl:if>
                <xsl:if test="$D/d:header/d:release">
                  <tr>
                    <th scope="row">Release covered</th>
                    <td>
                      <xsl:value-of select="$D/d:header/d:release/@version"/>
                      <xsl:if test="$D/d:header/d:release/@date">
                        <xsl:text>, released </xsl:text>
                        <xsl:call-template name="long-date">
                          <xsl:with-param name="iso" select="$D/d:header/d:release/@date"/>
                        </xsl:call-template>
                      </xsl:if>
                    </td>
                  </tr>
                </xsl:if>
              </tbody>
            </table>
          </section>

          <!-- support period -->
          <section class="sec">
            <div class="sec-h">
              <h2>Support period</h2>
            </div>
            <xsl:choose>
              <xsl:when test="$SP/@stated = 'not-stated'">
                <p>
                  <strong>Support period: not stated.</strong>
                  <xsl:text> The manufacturer does not state until when </xsl:text>
                  <xsl:value-of select="$model"/>
                  <xsl:text> receives security updates.</xsl:text>
                </p>
              </xsl:when>
              <xsl:when test="$SP or $UI/d:publication-of-support-period or $PS/@support-end">
                <xsl:if test="$SP/@end or $PS/@support-end or $SP/@duration">
                  <p>
                    <strong>
                      <xsl:choose>
                        <xsl:when test="$SP/@end or $PS/@support-end">
                          <xsl:text>Security updates until </xsl:text>
                          <xsl:call-template name="long-date">
                            <xsl:with-param name="iso" select="($SP/@end | $PS/@support-end[not($SP/@end)])[1]"/>
                          </xsl:call-template>
                          <xsl:if test="$SP/@duration">
                            <xsl:text> (a support period of </xsl:text>
                            <xsl:call-template name="duration-words">
                              <xsl:with-param name="d" select="$SP/@duration"/>
                            </xsl:call-template>
                            <xsl:text>)</xsl:text>
                          </xsl:if>
                          <xsl:text>.</xsl:text>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:text>A support period of </xsl:text>
                          <xsl:call-template name="duration-words">
                            <xsl:with-param name="d" select="$SP/@duration"/>
                          </xsl:call-template>
                          <xsl:text>.</xsl:text>
                        </xsl:otherwise>
                      </xsl:choose>
                    </strong>
                  </p>
                </xsl:if>
                <xsl:if test="normalize-space($SP) != ''">
                  <p>
                    <xsl:value-of select="normalize-space($SP)"/>
                  </p>
                </xsl:if>
                <xsl:for-each select="$UI/d:publication-of-support-period">
                  <p>
                    <strong>Where it is published: </strong>
                    <xsl:value-of select="normalize-space(.)"/>
                  </p>
                  <xsl:if test="@url">
                    <p>
                      <xsl:call-template name="link">
                        <xsl:with-param name="url" select="@url"/>
                      </xsl:call-template>
                    </p>
                  </xsl:if>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise>
                <p class="empty">The manufacturer has not published a support period in this summary.</p>
              </xsl:otherwise>
            </xsl:choose>
          </section>

          <!-- update paths -->
          <section class="sec">
            <div class="sec-h">
              <h2>How the product is updated</h2>
            </div>
            <xsl:if test="$all-verified-before-install or $all-verified-at-boot or $all-refuse-rollback or $all-automatic-on">
              <div class="card props">
                <h3>Recorded for every update path</h3>
                <ul class="facts-list">
                  <xsl:if test="$all-verified-before-install">
                    <li>Every update is verified by the device before installation.</li>
                  </xsl:if>
                  <xsl:if test="$all-verified-at-boot">
                    <li>Updates are verified when the device boots, not before they are installed.</li>
                  </xsl:if>
                  <xsl:if test="$all-refuse-rollback">
                    <li>The device refuses older software versions.</li>
                  </xsl:if>
                  <xsl:if test="$all-automatic-on">
                    <li>Automatic updates are on by default.</li>
                  </xsl:if>
                </ul>
              </div>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="$mechs">
                <xsl:for-each select="$mechs">
                  <div class="card mech">
                    <h3>
                      <xsl:value-of select="d:name"/>
                    </h3>
                    <ul class="facts-list">
                      <li>
                        <xsl:choose>
                          <xsl:when test="@path = 'device-download'">The device downloads updates itself.</xsl:when>
                          <xsl:when test="@path = 'companion-app'">Updates are installed through the companion app.</xsl:when>
                          <xsl:when test="@path = 'physical-interface'">Updates are installed through a physical interface on the device.</xsl:when>
                          <xsl:when test="@path = 'associated-service'">Updates are delivered through an associated service.</xsl:when>
                          <xsl:otherwise>
                            <xsl:text>Update path: </xsl:text>
                            <xsl:value-of select="@path"/>
                            <xsl:text>.</xsl:text>
                          </xsl:otherwise>
                        </xsl:choose>
                        <xsl:if test="normalize-space(d:interface) != ''">
                          <xsl:text> Interface: </xsl:text>
                          <xsl:value-of select="normalize-space(d:interface)"/>
                          <xsl:text>.</xsl:text>
                        </xsl:if>
                      </li>
                      <li>
                        <xsl:choose>
                          <xsl:when test="@network = 'true'">Updates arrive over a network connection.</xsl:when>
                          <xsl:otherwise>No network connection is involved.</xsl:otherwise>
                        </xsl:choose>
                      </li>
                      <li>
                        <xsl:choose>
                          <xsl:when test="@automatic = 'true'">Updates can install automatically, without you doing anything.</xsl:when>
                          <xsl:otherwise>You start the update yourself.</xsl:otherwise>
                        </xsl:choose>
                      </li>
                      <li>
                        <xsl:choose>
                          <xsl:when test="@notification = 'true'">You are told when an update is available.</xsl:when>
                          <xsl:otherwise>This path does not notify you of updates.</xsl:otherwise>
                        </xsl:choose>
                      </li>
                      <!-- the trust relationship says how trust is established,
                           not where an update is verified: that is the
                           verification fact below -->
                      <xsl:for-each select="d:trust-relationship[@kind = 'signature' or @kind = 'authenticated-channel' or @kind = 'protected-network' or @kind = 'user-confirmation']">
                        <li>
                          <xsl:choose>
                            <xsl:when test="@kind = 'signature'">Updates are digitally signed.</xsl:when>
                            <xsl:when test="@kind = 'authenticated-channel'">Updates are delivered over an authenticated connection.</xsl:when>
                            <xsl:when test="@kind = 'protected-network'">Updates are delivered over a protected network.</xsl:when>
                            <xsl:otherwise>You confirm each update before it is installed.</xsl:otherwise>
                          </xsl:choose>
                        </li>
                      </xsl:for-each>
                      <xsl:choose>
                        <xsl:when test="d:verification/@where = 'device-before-install'">
                          <li>Each update is verified by the device before installation.</li>
                        </xsl:when>
                        <xsl:when test="d:verification/@where = 'device-at-boot'">
                          <li>Updates are verified when the device boots, not before they are installed.</li>
                        </xsl:when>
                      </xsl:choose>
                      <xsl:choose>
                        <xsl:when test="d:anti-rollback/@kind = 'hardware-counter'">
                          <li>The device refuses older software versions, enforced in hardware.</li>
                        </xsl:when>
                        <xsl:when test="d:anti-rollback/@kind = 'version-check'">
                          <li>The device refuses older software versions.</li>
                        </xsl:when>
                      </xsl:choose>
                      <xsl:choose>
                        <xsl:when test="d:automation/@default = 'on'">
                          <li>Automatic updates are on by default.</li>
                        </xsl:when>
                        <xsl:when test="d:automation/@default = 'opt-out-at-setup'">
                          <li>Automatic updates are switched on during setup unless you decline.</li>
                        </xsl:when>
                        <xsl:when test="d:automation/@default = 'opt-in-at-setup'">
                          <li>During setup you are asked whether to switch automatic updates on; they stay off unless you agree.</li>
                        </xsl:when>
                        <xsl:when test="d:automation/@default = 'off'">
                          <li>Automatic updates are off until you switch them on.</li>
                        </xsl:when>
                      </xsl:choose>
                      <xsl:if test="d:automation/@user-can-disable = 'true'">
                        <li>You can switch automatic updates off.</li>
                      </xsl:if>
                      <xsl:if test="d:automation/@postpone = 'true'">
                        <li>You can postpone an update.</li>
                      </xsl:if>
                    </ul>
                  </div>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise>
                <p>
                  <xsl:text>The software of </xsl:text>
                  <xsl:value-of select="$model"/>
                  <xsl:text> cannot be updated.</xsl:text>
                </p>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:for-each select="$UI/d:publication-of-non-updatable | $UI/d:documentation-of-replacement">
              <p>
                <strong>
                  <xsl:choose>
                    <xsl:when test="local-name() = 'publication-of-non-updatable'">Why some software cannot be updated: </xsl:when>
                    <xsl:otherwise>Hardware replacement: </xsl:otherwise>
                  </xsl:choose>
                </strong>
                <xsl:value-of select="normalize-space(.)"/>
                <xsl:if test="@url">
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="link">
                    <xsl:with-param name="url" select="@url"/>
                  </xsl:call-template>
                </xsl:if>
              </p>
            </xsl:for-each>
          </section>

          <!-- assessment -->
          <section class="sec">
            <div class="sec-h">
              <h2>Assessment</h2>
            </div>
            <div>
              <xsl:attribute name="class">
                <xsl:text>status </xsl:text>
                <xsl:choose>
                  <xsl:when test="$conformance">ok</xsl:when>
                  <xsl:otherwise>open</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <div class="mark">
                <xsl:choose>
                  <xsl:when test="$conformance">&#x2713;</xsl:when>
                  <xsl:otherwise>&#x25CB;</xsl:otherwise>
                </xsl:choose>
              </div>
              <div>
                <strong>
                  <xsl:choose>
                    <xsl:when test="$conformance">
                      <xsl:text>The manufacturer states that </xsl:text>
                      <xsl:value-of select="$model"/>
                      <xsl:text> conforms to clause 5.3 of ETSI EN 303 645 V</xsl:text>
                      <xsl:value-of select="$EN"/>
                      <xsl:text>.</xsl:text>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:text>Assessment in progress: no conformance with clause 5.3 of ETSI EN 303 645 V</xsl:text>
                      <xsl:value-of select="$EN"/>
                      <xsl:text> is claimed yet.</xsl:text>
                    </xsl:otherwise>
                  </xsl:choose>
                </strong>
                <div class="small" style="margin-top:4px">
                  <xsl:text>Assessed following ETSI TS 103 701 V</xsl:text>
                  <xsl:value-of select="$TS"/>
                  <xsl:choose>
                    <xsl:when test="$TL">
                      <xsl:text> by </xsl:text>
                      <xsl:value-of select="normalize-space($TL/d:name)"/>
                      <xsl:if test="substring(normalize-space($TL/d:name), string-length(normalize-space($TL/d:name))) != '.'">.</xsl:if>
                    </xsl:when>
                    <xsl:otherwise>.</xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="$PS/@date">
                    <xsl:text> Statement of </xsl:text>
                    <xsl:call-template name="long-date">
                      <xsl:with-param name="iso" select="$PS/@date"/>
                    </xsl:call-template>
                    <xsl:text>.</xsl:text>
                  </xsl:if>
                </div>
              </div>
            </div>
            <table class="kv" style="margin-top:12px">
              <tbody>
                <tr>
                  <th scope="row">Requirements</th>
                  <td>
                    <xsl:text>ETSI EN 303 645 V</xsl:text>
                    <xsl:value-of select="$EN"/>
                    <xsl:text>, clause 5.3 (keep software updated)</xsl:text>
                  </td>
                </tr>
                <tr>
                  <th scope="row">Test specification</th>
                  <td>
                    <xsl:text>ETSI TS 103 701 V</xsl:text>
                    <xsl:value-of select="$TS"/>
                  </td>
                </tr>
                <tr>
                  <th scope="row">Test laboratory</th>
                  <td>
                    <xsl:choose>
                      <xsl:when test="$TL">
                        <xsl:value-of select="$TL/d:name"/>
                        <xsl:if test="$TL/d:accreditation">
                          <div class="small muted">
                            <xsl:value-of select="$TL/d:accreditation"/>
                          </div>
                        </xsl:if>
                      </xsl:when>
                      <xsl:otherwise>
                        <span class="muted">not named</span>
                      </xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
                <tr>
                  <th scope="row">Status</th>
                  <td>
                    <xsl:choose>
                      <xsl:when test="$conformance">conformance stated</xsl:when>
                      <xsl:otherwise>assessment in progress</xsl:otherwise>
                    </xsl:choose>
                    <xsl:if test="$date != ''">
                      <xsl:text> (as of </xsl:text>
                      <xsl:call-template name="long-date">
                        <xsl:with-param name="iso" select="$date"/>
                      </xsl:call-template>
                      <xsl:text>)</xsl:text>
                    </xsl:if>
                  </td>
                </tr>
              </tbody>
            </table>
            <xsl:if test="normalize-space($PS) != ''">
              <blockquote>
                <xsl:value-of select="normalize-space($PS)"/>
              </blockquote>
            </xsl:if>
            <xsl:if test="$PS/@url">
              <p class="small" style="margin-top:8px">
                <xsl:text>Manufacturer's statement: </xsl:text>
                <xsl:call-template name="link">
                  <xsl:with-param name="url" select="$PS/@url"/>
                </xsl:call-template>
              </p>
            </xsl:if>
          </section>

          <xsl:if test="$UI/d:publication-of-vulnerability-disclosure-policy">
            <section class="sec">
              <div class="sec-h">
                <h2>Report a security issue</h2>
              </div>
              <xsl:for-each select="$UI/d:publication-of-vulnerability-disclosure-policy">
                <p>
                  <xsl:value-of select="normalize-space(.)"/>
                </p>
                <xsl:if test="@url">
                  <p>
                    <xsl:call-template name="link">
                      <xsl:with-param name="url" select="@url"/>
                    </xsl:call-template>
                  </p>
                </xsl:if>
              </xsl:for-each>
            </section>
          </xsl:if>

          <footer class="foot">
            <span>
              <xsl:text>Published by the manufacturer from its clause 5.3 dossier; generated by </xsl:text>
              <xsl:value-of select="/rp:report/@generator"/>
              <xsl:text>.</xsl:text>
            </span>
          </footer>
        </main>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
